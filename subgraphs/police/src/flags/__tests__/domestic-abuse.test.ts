import { FlagSeverityValue } from '@mash/shared';
import { DashRiskLevel } from '../../entities/codes';
import { domesticAbuseIncidentFlag, highRiskDomesticAbuseFlag, repeatDomesticAbuseFlag } from '../domestic-abuse';
import { incident } from './fixtures';

describe('domesticAbuseIncidentFlag', () => {
  it('raises AMBER DA_CHILDREN_PRESENT_12M when children were present at any incident', () => {
    const flag = domesticAbuseIncidentFlag([incident(), incident({ childrenPresent: true })]);
    expect(flag).toMatchObject({ code: 'DA_CHILDREN_PRESENT_12M', severity: FlagSeverityValue.AMBER });
    expect(flag?.summary).toBe('2 domestic-abuse incidents in the last 12 months, children present at 1.');
  });

  it('raises GREEN DA_INCIDENT_12M when no child was present', () => {
    expect(domesticAbuseIncidentFlag([incident()])).toMatchObject({ code: 'DA_INCIDENT_12M', severity: FlagSeverityValue.GREEN });
  });

  it('raises nothing without incidents', () => {
    expect(domesticAbuseIncidentFlag([])).toBeNull();
  });

  it('dates the finding: the latest incident with children present, or the latest incident', () => {
    const incidents = [incident({ reportedOn: '2026-10-01' }), incident({ childrenPresent: true, reportedOn: '2026-08-01' }), incident({ childrenPresent: true, reportedOn: '2026-06-01' })];
    expect(domesticAbuseIncidentFlag(incidents)?.date).toBe('2026-08-01');
    expect(domesticAbuseIncidentFlag([incident({ reportedOn: '2026-03-01' }), incident({ reportedOn: '2026-07-01' })])?.date).toBe('2026-07-01');
    expect(repeatDomesticAbuseFlag(incidents)?.date).toBe('2026-10-01');
    expect(highRiskDomesticAbuseFlag([...incidents, incident({ dashRiskLevel: DashRiskLevel.HIGH, reportedOn: '2026-02-02' })])?.date).toBe('2026-02-02');
  });
});

describe('highRiskDomesticAbuseFlag', () => {
  it('raises RED for a HIGH DASH', () => {
    expect(highRiskDomesticAbuseFlag([incident({ dashRiskLevel: DashRiskLevel.HIGH })])).toMatchObject({
      code: 'DASH_HIGH_OR_MARAC_12M',
      severity: FlagSeverityValue.RED,
    });
  });

  it('raises RED for a MARAC referral at a lower level', () => {
    const flag = highRiskDomesticAbuseFlag([incident({ dashRiskLevel: DashRiskLevel.MEDIUM, maracReferral: true })]);
    expect(flag?.summary).toBe('1 MARAC referral in the last 12 months.');
  });

  it('raises nothing for standard and medium risk without MARAC', () => {
    expect(highRiskDomesticAbuseFlag([incident(), incident({ dashRiskLevel: DashRiskLevel.MEDIUM })])).toBeNull();
  });
});

describe('repeatDomesticAbuseFlag', () => {
  it('raises AMBER at three incidents in 12 months', () => {
    expect(repeatDomesticAbuseFlag([incident(), incident(), incident()])).toMatchObject({
      code: 'DA_REPEAT_INCIDENTS_12M',
      severity: FlagSeverityValue.AMBER,
    });
  });

  it('raises nothing at two', () => {
    expect(repeatDomesticAbuseFlag([incident(), incident()])).toBeNull();
  });
});
