import { DashRiskLevel, dashRiskRank, missingRiskRank, OccurrenceRole, type MissingEpisode, type Occurrence, type PoliceNominal } from '../entities';
import type { PoliceDomesticAbuseIncident, PoliceMissingSummary } from '../types/history.type';
import type { PoliceNominalRecord } from '../types/nominal-record.type';
import { isoDate, within, type Windows } from './windows';

export interface RecordOptions {
  windows: Windows;
  /** Grant obligation OMIT_STANDARD_RISK_DOMESTIC_ABUSE. */
  omitStandardRiskDomesticAbuse: boolean;
}

/** The most telling role first, when a person appears on an occurrence more than once. */
const ROLE_ORDER = [
  OccurrenceRole.VICTIM, OccurrenceRole.SUSPECT, OccurrenceRole.OFFENDER, OccurrenceRole.INVOLVED, OccurrenceRole.WITNESS,
  OccurrenceRole.REPORTER,
];

/**
 * Identity only, for a possible (AMBIGUOUS) match: no history until a practitioner confirms who
 * it is (DPA 2018 s37: not excessive; another person's history must not colour this one's).
 */
export function identityRecord(nominal: PoliceNominal): PoliceNominalRecord {
  return {
    nominalId: nominal.localNominalId,
    pncId: nominal.pncId,
    givenName: nominal.givenName,
    familyName: nominal.familyName,
    aliases: (nominal.aliases ?? []).map((alias) => ({
      givenName: alias.givenName,
      familyName: alias.familyName,
      dateOfBirth: alias.dateOfBirth,
    })),
    dateOfBirth: nominal.dateOfBirth,
    warningMarkers: null,
    domesticAbuseLast12Months: null,
    missing: null,
    exploitationFlags: null,
  };
}

/** The full summary for a confirmed match; `occurrences` are DA occurrences loaded for this batch. */
export function nominalRecord(nominal: PoliceNominal, occurrences: Occurrence[], options: RecordOptions): PoliceNominalRecord {
  return {
    ...identityRecord(nominal),
    warningMarkers: (nominal.warningMarkers ?? [])
      .filter((marker) => marker.active)
      .sort((a, b) => b.createdDate.localeCompare(a.createdDate))
      .map((marker) => ({ type: marker.type, source: marker.source, since: marker.createdDate })),
    domesticAbuseLast12Months: domesticAbuseIncidents(nominal, occurrences, options),
    missing: missingSummary(nominal.missingEpisodes ?? [], options.windows),
    exploitationFlags: [...(nominal.exploitationFlags ?? [])]
      .sort((a, b) => b.flaggedOn.localeCompare(a.flaggedOn))
      .map(({ type, status, nrmReferral, flaggedOn }) => ({ type, status, nrmReferral, flaggedOn })),
  };
}

/** DA incidents in the last 12 months where the person was a party or which were at their current address. */
export function domesticAbuseIncidents(
  nominal: PoliceNominal,
  occurrences: Occurrence[],
  { windows, omitStandardRiskDomesticAbuse }: RecordOptions,
): PoliceDomesticAbuseIncident[] {
  const currentUprns = new Set((nominal.addresses ?? []).filter((a) => a.isCurrent && a.uprn).map((a) => a.uprn));
  const incidents: PoliceDomesticAbuseIncident[] = [];
  for (const occurrence of occurrences) {
    if (!occurrence.domesticAbuse || !within(occurrence.reportedAt, windows.last12Months, windows)) continue;
    const roles = (occurrence.persons ?? []).filter((p) => p.nominalId === nominal.id).map((p) => p.role);
    const atAddress = occurrence.locationUprn !== null && currentUprns.has(occurrence.locationUprn);
    if (roles.length === 0 && !atAddress) continue;
    const dash = occurrence.dashAssessments ?? [];
    const risk = dash.reduce<DashRiskLevel | null>(
      (highest, d) => (highest === null || dashRiskRank(d.riskLevel) > dashRiskRank(highest) ? d.riskLevel : highest),
      null,
    );
    // ISA: standard-risk incidents are shared only with consent for early help; the grant says
    // when that consent is missing. An incident with no DASH yet is not known to be standard.
    if (omitStandardRiskDomesticAbuse && risk === DashRiskLevel.STANDARD) continue;
    incidents.push({
      reference: occurrence.reference,
      reportedOn: isoDate(occurrence.reportedAt),
      role: ROLE_ORDER.find((role) => roles.includes(role)) ?? null,
      childrenPresent: occurrence.childrenPresent,
      dashRiskLevel: risk,
      maracReferral: dash.some((d) => d.maracReferral),
    });
  }
  return incidents.sort((a, b) => b.reportedOn.localeCompare(a.reportedOn));
}

export function missingSummary(episodes: MissingEpisode[], windows: Windows): PoliceMissingSummary {
  const past = episodes.filter((e) => e.reportedAt < windows.until);
  const last12Months = past.filter((e) => within(e.reportedAt, windows.last12Months, windows));
  const highest = last12Months.reduce<MissingEpisode | null>(
    (top, e) => (top === null || missingRiskRank(e.riskLevel) > missingRiskRank(top.riskLevel) ? e : top),
    null,
  );
  const latest = past.reduce<Date | null>((max, e) => (max === null || e.reportedAt > max ? e.reportedAt : max), null);
  return {
    episodesLast90Days: past.filter((e) => within(e.reportedAt, windows.last90Days, windows)).length,
    episodesLast12Months: last12Months.length,
    highestRiskLast12Months: highest?.riskLevel ?? null,
    lastReportedOn: latest ? isoDate(latest) : null,
  };
}
