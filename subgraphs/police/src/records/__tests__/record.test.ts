import { disclosureRules, type RecordContext } from '@mash/shared';
import { DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceRole, WarningMarkerType } from '../../entities';
import type { NominalDetails } from '../load';
import { identityRecord, missingSummary, nominalRecord } from '../record';
import { windowsFor } from '../windows';

const windows = windowsFor('2026-11-01');
const context = (omitStandard = false): RecordContext => ({
  asOf: '2026-11-01',
  disclose: disclosureRules(omitStandard ? ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] : []),
});

function details(): NominalDetails {
  const incident = (reference: string, reportedAt: string, roles: string[], dashRisk: string | null) =>
    ({ reference, reportedAt, roles, childrenPresent: true, dashRisk, marac: dashRisk === 'HIGH' });
  return {
    id: 'n1', localNominalId: 'WK-NOM-0000001', pncId: '2019/0123456E', givenName: 'Dean', familyName: 'Walsh', dateOfBirth: '1990-03-04',
    aliases: [{ givenName: 'Dean', familyName: 'Walters', dateOfBirth: null }],
    warningMarkers: [
      { type: WarningMarkerType.WEAPONS, source: MarkerSource.PNC, createdDate: '2021-05-01', active: true },
      { type: WarningMarkerType.ALLEGES, source: MarkerSource.PNC, createdDate: '2015-05-01', active: false },
    ],
    missingEpisodes: [],
    exploitationFlags: [{ type: ExploitationType.CCE, status: ExploitationStatus.SUSPECTED, nrmReferral: false, flaggedOn: '2026-02-01' }],
    domesticAbuse: [
      incident('OCC-PARTY', '2026-08-01T10:00:00Z', [OccurrenceRole.WITNESS, OccurrenceRole.SUSPECT], 'HIGH'),
      incident('OCC-ADDRESS', '2026-10-01T10:00:00Z', [], 'STANDARD'),
      incident('OCC-UNGRADED', '2026-09-01T10:00:00Z', [OccurrenceRole.VICTIM], null),
      incident('OCC-FUTURE', '2026-11-02T10:00:00Z', [], 'HIGH'),
    ],
    namedOccurrences: [],
    offenderManagement: null,
  };
}

describe('nominalRecord', () => {
  it('summarises DA incidents in the window, newest first, with the most telling role', () => {
    expect(nominalRecord(details(), context()).domesticAbuseLast12Months).toEqual([
      { reference: 'OCC-ADDRESS', reportedOn: '2026-10-01', role: null, childrenPresent: true, dashRiskLevel: DashRiskLevel.STANDARD, maracReferral: false },
      { reference: 'OCC-UNGRADED', reportedOn: '2026-09-01', role: OccurrenceRole.VICTIM, childrenPresent: true, dashRiskLevel: null, maracReferral: false },
      { reference: 'OCC-PARTY', reportedOn: '2026-08-01', role: OccurrenceRole.SUSPECT, childrenPresent: true, dashRiskLevel: DashRiskLevel.HIGH, maracReferral: true },
    ]);
  });

  it('leaves out standard-risk incidents under OMIT_STANDARD_RISK_DOMESTIC_ABUSE, but not ungraded ones', () => {
    expect(nominalRecord(details(), context(true)).domesticAbuseLast12Months?.map((i) => i.reference)).toEqual(['OCC-UNGRADED', 'OCC-PARTY']);
  });

  it('discloses active markers only, aliases and exploitation flags', () => {
    expect(nominalRecord(details(), context())).toMatchObject({
      nominalId: 'WK-NOM-0000001',
      pncId: '2019/0123456E',
      aliases: [{ givenName: 'Dean', familyName: 'Walters', dateOfBirth: null }],
      warningMarkers: [{ type: WarningMarkerType.WEAPONS, source: MarkerSource.PNC, since: '2021-05-01' }],
      exploitationFlags: [{ type: ExploitationType.CCE, status: ExploitationStatus.SUSPECTED, nrmReferral: false, flaggedOn: '2026-02-01' }],
    });
  });
});

describe('identityRecord', () => {
  it('carries identity but no history, for a possible match', () => {
    const record = identityRecord(details());
    expect(record.pncId).toBe('2019/0123456E');
    expect(record.aliases).toHaveLength(1);
    expect(record.warningMarkers).toBeNull();
    expect(record.exploitationFlags).toBeNull();
    expect(record.domesticAbuseLast12Months).toBeNull();
    expect(record.missing).toBeNull();
  });
});

describe('missingSummary', () => {
  it('counts 90-day and 12-month episodes and the highest risk in 12 months', () => {
    const summary = missingSummary(
      [
        { reportedAt: '2026-10-20T20:00:00Z', riskLevel: MissingRiskLevel.LOW },
        { reportedAt: '2026-06-20T20:00:00Z', riskLevel: MissingRiskLevel.MEDIUM },
        { reportedAt: '2025-06-20T20:00:00Z', riskLevel: MissingRiskLevel.HIGH },
      ],
      windows,
    );
    expect(summary).toEqual({ episodesLast90Days: 1, episodesLast12Months: 2, highestRiskLast12Months: MissingRiskLevel.MEDIUM, lastReportedOn: '2026-10-20' });
  });

  it('is empty without episodes', () => {
    expect(missingSummary([], windows)).toEqual({ episodesLast90Days: 0, episodesLast12Months: 0, highestRiskLast12Months: null, lastReportedOn: null });
  });
});
