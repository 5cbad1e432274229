import { FlagSeverityValue, type Flag } from '@mash/shared';
import { DashRiskLevel, MissingRiskLevel } from '../../entities/codes';
import { recordFlags } from '..';
import { incident, missing, record } from './fixtures';

describe('recordFlags', () => {
  const risky = record({
    domesticAbuseLast12Months: [incident({ childrenPresent: true, dashRiskLevel: DashRiskLevel.HIGH, maracReferral: true })],
    missing: missing({ episodesLast90Days: 1, episodesLast12Months: 1, highestRiskLast12Months: MissingRiskLevel.LOW }),
  });

  it('lists a confirmed match\'s flags, most severe first', () => {
    expect(recordFlags(risky).map((f: Flag) => [f.code, f.severity])).toEqual([
      ['DASH_HIGH_OR_MARAC_12M', FlagSeverityValue.RED],
      ['DA_CHILDREN_PRESENT_12M', FlagSeverityValue.AMBER],
      ['MISSING_90D', FlagSeverityValue.GREEN],
    ]);
  });

  it('raises nothing for a confirmed match with no history', () => {
    expect(recordFlags(record())).toEqual([]);
  });
});
