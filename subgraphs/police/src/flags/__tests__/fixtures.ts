import { DashRiskLevel, OccurrenceRole } from '../../entities/codes';
import type { PoliceDomesticAbuseIncident, PoliceMissingSummary } from '../../types/history.type';
import type { PoliceNominalRecord } from '../../types/nominal-record.type';

export function incident(overrides: Partial<PoliceDomesticAbuseIncident> = {}): PoliceDomesticAbuseIncident {
  return {
    reference: 'WK-OCC-2026-000001',
    reportedOn: '2026-09-01',
    role: OccurrenceRole.VICTIM,
    childrenPresent: false,
    dashRiskLevel: DashRiskLevel.STANDARD,
    maracReferral: false,
    ...overrides,
  };
}

export function missing(overrides: Partial<PoliceMissingSummary> = {}): PoliceMissingSummary {
  return { episodesLast90Days: 0, episodesLast12Months: 0, highestRiskLast12Months: null, lastReportedOn: null, ...overrides };
}

export function record(overrides: Partial<PoliceNominalRecord> = {}): PoliceNominalRecord {
  return {
    nominalId: 'WK-NOM-0000001',
    pncId: null,
    givenName: 'Amy',
    familyName: 'Smith',
    aliases: [],
    dateOfBirth: '2012-04-05',
    warningMarkers: [],
    domesticAbuseLast12Months: [],
    missing: missing(),
    exploitationFlags: [],
    publicProtection: null,
    ...overrides,
  };
}
