import {
  DashRiskLevel, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceClassification, OccurrenceRole,
  WarningMarkerType, type DashAssessment, type MissingEpisode, type Occurrence, type PoliceNominal,
} from '../../entities';
import { identityRecord, missingSummary, nominalRecord } from '../record';
import { windowsFor } from '../windows';

const windows = windowsFor('2026-11-01');
const at = (iso: string) => new Date(iso);

function nominal(): PoliceNominal {
  return {
    id: 'n1', localNominalId: 'WK-NOM-0000001', pncId: '2019/0123456E', croNumber: null, givenName: 'Dean', familyName: 'Walsh',
    dateOfBirth: '1990-03-04', gender: 'MALE', nhsNumber: null, postcode: 'CV34 4RL', blockingKeys: [],
    aliases: [{ id: 'a1', nominalId: 'n1', givenName: 'Dean', familyName: 'Walters', dateOfBirth: null } as PoliceNominal['aliases'][0]],
    addresses: [
      { id: 'ad1', nominalId: 'n1', addressLine: '1 High St', postcode: 'CV34 4RL', uprn: '100070000001', isCurrent: true, fromDate: null, toDate: null },
      { id: 'ad2', nominalId: 'n1', addressLine: 'Old', postcode: 'CV31 1AA', uprn: '100070000009', isCurrent: false, fromDate: null, toDate: '2025-01-01' },
    ] as PoliceNominal['addresses'],
    warningMarkers: [
      { id: 'w1', nominalId: 'n1', type: WarningMarkerType.WEAPONS, source: MarkerSource.PNC, createdDate: '2021-05-01', active: true },
      { id: 'w2', nominalId: 'n1', type: WarningMarkerType.ALLEGES, source: MarkerSource.PNC, createdDate: '2015-05-01', active: false },
    ] as PoliceNominal['warningMarkers'],
    missingEpisodes: [],
    exploitationFlags: [
      { id: 'e1', nominalId: 'n1', type: ExploitationType.CCE, status: ExploitationStatus.SUSPECTED, nrmReferral: false, flaggedOn: '2026-02-01' },
    ] as PoliceNominal['exploitationFlags'],
  };
}

function occurrence(reference: string, reportedAt: string, uprn: string | null, persons: [string, OccurrenceRole][], risk: DashRiskLevel | null): Occurrence {
  return {
    id: reference, reference, reportedAt: at(reportedAt), occurredFrom: null, occurredTo: null, locationPostcode: null, locationUprn: uprn,
    classification: OccurrenceClassification.DOMESTIC_ABUSE, domesticAbuse: true, childrenPresent: true,
    persons: persons.map(([nominalId, role], i) => ({ id: `${reference}-${i}`, occurrenceId: reference, nominalId, role })) as Occurrence['persons'],
    dashAssessments: risk ? ([{ riskLevel: risk, maracReferral: risk === DashRiskLevel.HIGH }] as DashAssessment[]) : [],
  };
}

const occurrences = [
  occurrence('OCC-PARTY', '2026-08-01T10:00:00Z', '999', [['n1', OccurrenceRole.WITNESS], ['n1', OccurrenceRole.SUSPECT]], DashRiskLevel.HIGH),
  occurrence('OCC-ADDRESS', '2026-10-01T10:00:00Z', '100070000001', [['n2', OccurrenceRole.VICTIM]], DashRiskLevel.STANDARD),
  occurrence('OCC-OLD-ADDRESS', '2026-10-02T10:00:00Z', '100070000009', [], DashRiskLevel.MEDIUM),
  occurrence('OCC-TOO-OLD', '2025-10-31T10:00:00Z', '100070000001', [], DashRiskLevel.HIGH),
  occurrence('OCC-FUTURE', '2026-11-02T10:00:00Z', '100070000001', [], DashRiskLevel.HIGH),
];

describe('nominalRecord', () => {
  it('summarises DA incidents in the window where the person was a party or at their current address', () => {
    const record = nominalRecord(nominal(), occurrences, { windows, omitStandardRiskDomesticAbuse: false });
    expect(record.domesticAbuseLast12Months).toEqual([
      { reference: 'OCC-ADDRESS', reportedOn: '2026-10-01', role: null, childrenPresent: true, dashRiskLevel: DashRiskLevel.STANDARD, maracReferral: false },
      { reference: 'OCC-PARTY', reportedOn: '2026-08-01', role: OccurrenceRole.SUSPECT, childrenPresent: true, dashRiskLevel: DashRiskLevel.HIGH, maracReferral: true },
    ]);
  });

  it('leaves out standard-risk incidents under OMIT_STANDARD_RISK_DOMESTIC_ABUSE', () => {
    const record = nominalRecord(nominal(), occurrences, { windows, omitStandardRiskDomesticAbuse: true });
    expect(record.domesticAbuseLast12Months?.map((i) => i.reference)).toEqual(['OCC-PARTY']);
  });

  it('discloses active markers only, aliases and exploitation flags', () => {
    const record = nominalRecord(nominal(), [], { windows, omitStandardRiskDomesticAbuse: false });
    expect(record).toMatchObject({
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
    const record = identityRecord(nominal());
    expect(record.pncId).toBe('2019/0123456E');
    expect(record.aliases).toHaveLength(1);
    expect(record.warningMarkers).toBeNull();
    expect(record.exploitationFlags).toBeNull();
    expect(record.domesticAbuseLast12Months).toBeNull();
    expect(record.missing).toBeNull();
  });
});

describe('missingSummary', () => {
  const episode = (reportedAt: string, riskLevel: MissingRiskLevel) => ({ reportedAt: at(reportedAt), riskLevel }) as MissingEpisode;

  it('counts 90-day and 12-month episodes and the highest risk in 12 months', () => {
    const summary = missingSummary(
      [
        episode('2026-10-20T20:00:00Z', MissingRiskLevel.LOW),
        episode('2026-06-20T20:00:00Z', MissingRiskLevel.MEDIUM),
        episode('2025-06-20T20:00:00Z', MissingRiskLevel.HIGH),
      ],
      windows,
    );
    expect(summary).toEqual({
      episodesLast90Days: 1,
      episodesLast12Months: 2,
      highestRiskLast12Months: MissingRiskLevel.MEDIUM,
      lastReportedOn: '2026-10-20',
    });
  });

  it('is empty without episodes', () => {
    expect(missingSummary([], windows)).toEqual({ episodesLast90Days: 0, episodesLast12Months: 0, highestRiskLast12Months: null, lastReportedOn: null });
  });
});
