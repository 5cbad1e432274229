import { FlagSeverityValue, MatchStatusValue } from '@mash/shared';
import { DashRiskLevel, MissingRiskLevel } from '../../entities/codes';
import { policeFlags } from '..';
import { incident, missing, record } from './fixtures';

describe('policeFlags', () => {
  const risky = record({
    domesticAbuseLast12Months: [incident({ childrenPresent: true, dashRiskLevel: DashRiskLevel.HIGH, maracReferral: true })],
    missing: missing({ episodesLast90Days: 1, episodesLast12Months: 1, highestRiskLast12Months: MissingRiskLevel.LOW }),
  });

  it('lists a confirmed match\'s flags, most severe first', () => {
    expect(policeFlags(MatchStatusValue.MATCHED, [risky]).map((f) => [f.code, f.severity])).toEqual([
      ['DASH_HIGH_OR_MARAC_12M', FlagSeverityValue.RED],
      ['DA_CHILDREN_PRESENT_12M', FlagSeverityValue.AMBER],
      ['MISSING_90D', FlagSeverityValue.GREEN],
    ]);
  });

  it('raises only IDENTITY_UNRESOLVED for possible matches, whatever they hold', () => {
    expect(policeFlags(MatchStatusValue.AMBIGUOUS, [risky, record()]).map((f) => f.code)).toEqual(['IDENTITY_UNRESOLVED']);
  });

  it('raises nothing when the subject is not known to police', () => {
    expect(policeFlags(MatchStatusValue.NOT_KNOWN, [])).toEqual([]);
  });

  it('raises nothing for a confirmed match with no history', () => {
    expect(policeFlags(MatchStatusValue.MATCHED, [record()])).toEqual([]);
  });
});
