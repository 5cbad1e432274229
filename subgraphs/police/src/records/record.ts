import type { RecordContext } from '@mash/shared';
import { missingRiskRank, OccurrenceRole, type MarkerSource, type MissingRiskLevel, type WarningMarkerType } from '../entities';
import type { DashRiskLevel, ExploitationStatus, ExploitationType } from '../entities/codes';
import type { NominalCandidate } from '../matching/candidates';
import type { PoliceDomesticAbuseIncident, PoliceMissingSummary } from '../types/history.type';
import type { PoliceNominalRecord } from '../types/nominal-record.type';
import type { NominalDetails } from './load';
import { isoDate, windowsFor, within, type Windows } from './windows';

/** The most telling role first, when a person appears on an occurrence more than once. */
const ROLE_ORDER = [
  OccurrenceRole.VICTIM, OccurrenceRole.SUSPECT, OccurrenceRole.OFFENDER, OccurrenceRole.INVOLVED, OccurrenceRole.WITNESS,
  OccurrenceRole.REPORTER,
];

/** Identity only, for a possible (AMBIGUOUS) match. */
export function identityRecord(nominal: Pick<NominalCandidate, 'localNominalId' | 'pncId' | 'givenName' | 'familyName' | 'dateOfBirth' | 'aliases'>): PoliceNominalRecord {
  return {
    nominalId: nominal.localNominalId,
    pncId: nominal.pncId,
    givenName: nominal.givenName,
    familyName: nominal.familyName,
    aliases: nominal.aliases.map(({ givenName, familyName, dateOfBirth }) => ({ givenName, familyName, dateOfBirth })),
    dateOfBirth: nominal.dateOfBirth,
    warningMarkers: null,
    domesticAbuseLast12Months: null,
    missing: null,
    exploitationFlags: null,
    publicProtection: null,
  };
}

/** The full summary for a confirmed match, with the grant's obligations applied. */
export function nominalRecord(nominal: NominalDetails, context: RecordContext): PoliceNominalRecord {
  const windows = windowsFor(context.asOf);
  return {
    ...identityRecord(nominal),
    warningMarkers: nominal.warningMarkers
      .filter((marker) => marker.active)
      .sort((a, b) => b.createdDate.localeCompare(a.createdDate))
      .map((marker) => ({ type: marker.type as WarningMarkerType, source: marker.source as MarkerSource, since: marker.createdDate })),
    domesticAbuseLast12Months: domesticAbuseIncidents(nominal, windows, context),
    missing: missingSummary(nominal.missingEpisodes, windows),
    exploitationFlags: [...nominal.exploitationFlags]
      .sort((a, b) => b.flaggedOn.localeCompare(a.flaggedOn))
      .map(({ type, status, nrmReferral, flaggedOn }) => ({ type: type as ExploitationType, status: status as ExploitationStatus, nrmReferral, flaggedOn })),
    // DOMAIN.md 6.2: resolved here, released only through the police SPOC (the gateway withholds it).
    publicProtection: nominal.offenderManagement ? {
      mappaCategory: nominal.offenderManagement.mappaCategory,
      mappaLevel: nominal.offenderManagement.mappaLevel,
      registeredSexOffender: nominal.offenderManagement.registeredSexOffender,
      sexualHarmPreventionOrder: nominal.offenderManagement.shpo,
      visor: nominal.offenderManagement.visor,
    } : null,
  };
}

/** DA incidents in the last 12 months where the person was a party or which were at their current address. */
export function domesticAbuseIncidents(nominal: Pick<NominalDetails, 'domesticAbuse'>, windows: Windows, context: RecordContext): PoliceDomesticAbuseIncident[] {
  return nominal.domesticAbuse
    .filter((occurrence) => within(new Date(occurrence.reportedAt), windows.last12Months, windows))
    // ISA: standard-risk incidents are shared only with consent for early help (the grant says).
    .filter((occurrence) => context.disclose.domesticAbuse(occurrence.dashRisk))
    .map((occurrence) => ({
      reference: occurrence.reference,
      reportedOn: isoDate(new Date(occurrence.reportedAt)),
      role: ROLE_ORDER.find((role) => occurrence.roles.includes(role)) ?? null,
      childrenPresent: occurrence.childrenPresent,
      dashRiskLevel: (occurrence.dashRisk as DashRiskLevel | null) ?? null,
      maracReferral: occurrence.marac,
    }))
    .sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
}

export function missingSummary(episodes: NominalDetails['missingEpisodes'], windows: Windows): PoliceMissingSummary {
  const past = episodes.map((e) => ({ at: new Date(e.reportedAt), riskLevel: e.riskLevel as MissingRiskLevel })).filter((e) => e.at < windows.until);
  const last12Months = past.filter((e) => within(e.at, windows.last12Months, windows));
  const highest = last12Months.reduce<(typeof past)[number] | null>(
    (top, e) => (top === null || missingRiskRank(e.riskLevel) > missingRiskRank(top.riskLevel) ? e : top),
    null,
  );
  const latest = past.reduce<Date | null>((max, e) => (max === null || e.at > max ? e.at : max), null);
  return {
    episodesLast90Days: past.filter((e) => within(e.at, windows.last90Days, windows)).length,
    episodesLast12Months: last12Months.length,
    highestRiskLast12Months: highest?.riskLevel ?? null,
    lastReportedOn: latest ? isoDate(latest) : null,
  };
}
