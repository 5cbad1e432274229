import { FlagSeverityValue, type Flag } from '@mash/shared';
import type { PoliceNominalRecord } from '../types/nominal-record.type';
import { domesticAbuseIncidentFlag, highRiskDomesticAbuseFlag, repeatDomesticAbuseFlag } from './domestic-abuse';
import { exploitationFlag } from './exploitation';
import { weaponsMarkerFlag } from './markers';
import { highRiskMissingFlag, recentMissingFlag, repeatMissingFlag } from './missing';

const SEVERITY_ORDER = [FlagSeverityValue.RED, FlagSeverityValue.AMBER, FlagSeverityValue.GREEN];

/** Every flag one confirmed record raises, most severe first. */
export function recordFlags(record: PoliceNominalRecord): Flag[] {
  const incidents = record.domesticAbuseLast12Months ?? [];
  const missing = record.missing;
  return [
    highRiskDomesticAbuseFlag(incidents),
    domesticAbuseIncidentFlag(incidents),
    repeatDomesticAbuseFlag(incidents),
    missing && highRiskMissingFlag(missing),
    missing && repeatMissingFlag(missing),
    missing && recentMissingFlag(missing),
    exploitationFlag(record.exploitationFlags ?? []),
    weaponsMarkerFlag(record.warningMarkers ?? []),
  ]
    .filter((flag): flag is Flag => flag !== null)
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}
