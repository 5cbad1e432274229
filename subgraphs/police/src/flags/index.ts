import { FlagSeverityValue, type Flag, type RecordContext } from '@mash/shared';
import { MissingRiskLevel } from '../entities/codes';
import type { NominalDetails } from '../records/load';
import { windowsFor, within } from '../records/windows';
import type { PoliceNominalRecord } from '../types/nominal-record.type';
import { latest } from './dates';
import { domesticAbuseIncidentFlag, domesticAbusePerpetratorFlag, highRiskDomesticAbuseFlag, repeatDomesticAbuseFlag } from './domestic-abuse';
import { exploitationFlags } from './exploitation';
import { hateCrimeFlag, honourBasedAbuseFlag } from './hate-and-honour';
import { violentMarkerFlag, weaponsMarkerFlag } from './markers';
import { highRiskMissingFlag, recentMissingFlag, repeatMissingFlag } from './missing';
import { mappaFlag, sexOffenderFlag } from './public-protection';

const SEVERITY_ORDER = [FlagSeverityValue.RED, FlagSeverityValue.AMBER, FlagSeverityValue.GREEN];

/** What the flags read beyond the disclosed record: none for a record with no such history. */
export type FlagFacts = Pick<NominalDetails, 'missingEpisodes' | 'namedOccurrences' | 'offenderManagement'>;

const NO_FACTS: FlagFacts = { missingEpisodes: [], namedOccurrences: [], offenderManagement: null };

/**
 * Every flag one confirmed record raises, most severe first. Most come from the disclosed record;
 * DA perpetration, hate crime, honour-based abuse and public protection come from `facts`, with
 * the grant's rules applied here (standard-risk domestic abuse left out under the obligation).
 */
export function recordFlags(record: PoliceNominalRecord, full?: { facts: FlagFacts; context: RecordContext }): Flag[] {
  const incidents = record.domesticAbuseLast12Months ?? [];
  const missing = record.missing;
  const facts = full?.facts ?? NO_FACTS;
  // Without facts no window is read; the date only stands in.
  const windows = windowsFor(full?.context.asOf ?? '2000-01-01');
  const named = facts.namedOccurrences.filter((o) => !o.domesticAbuse || full!.context.disclose.domesticAbuse(o.dashRisk));
  const highRiskOn = latest(
    facts.missingEpisodes
      .filter((e) => e.riskLevel === MissingRiskLevel.HIGH && within(new Date(e.reportedAt), windows.last12Months, windows))
      .map((e) => e.reportedAt),
  );
  return [
    highRiskDomesticAbuseFlag(incidents),
    domesticAbuseIncidentFlag(incidents),
    repeatDomesticAbuseFlag(incidents),
    domesticAbusePerpetratorFlag(named, windows),
    honourBasedAbuseFlag(named, windows),
    hateCrimeFlag(named, windows),
    missing && highRiskMissingFlag(missing, highRiskOn),
    missing && repeatMissingFlag(missing),
    missing && recentMissingFlag(missing),
    ...exploitationFlags(record.exploitationFlags ?? []),
    sexOffenderFlag(facts.offenderManagement),
    mappaFlag(facts.offenderManagement),
    violentMarkerFlag(record.warningMarkers ?? []),
    weaponsMarkerFlag(record.warningMarkers ?? []),
  ]
    .filter((flag): flag is Flag => flag !== null)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
