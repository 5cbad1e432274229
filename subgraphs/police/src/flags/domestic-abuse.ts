import { FlagSeverityValue, type Flag } from '@mash/shared';
import { DashRiskLevel } from '../entities/codes';
import type { PoliceDomesticAbuseIncident } from '../types/history.type';

/** SafeLives MARAC "potential escalation" criterion, commonly 3+ police-reported incidents in 12 months. */
export const REPEAT_INCIDENT_THRESHOLD = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * DA incident at the person's address or involving them in the last 12 months (DOMAIN.md 1.4, 7):
 * AMBER when children were present at any, otherwise GREEN context.
 */
export function domesticAbuseIncidentFlag(incidents: PoliceDomesticAbuseIncident[]): Flag | null {
  if (incidents.length === 0) return null;
  const withChildren = incidents.filter((incident) => incident.childrenPresent).length;
  if (withChildren > 0) {
    return {
      code: 'DA_CHILDREN_PRESENT_12M',
      severity: FlagSeverityValue.AMBER,
      summary: `${plural(incidents.length, 'domestic-abuse incident')} in the last 12 months, children present at ${withChildren}.`,
    };
  }
  return {
    code: 'DA_INCIDENT_12M',
    severity: FlagSeverityValue.GREEN,
    summary: `${plural(incidents.length, 'domestic-abuse incident')} in the last 12 months, no children recorded as present.`,
  };
}

/** DASH HIGH or a MARAC referral in the last 12 months (DOMAIN.md 7: RED). */
export function highRiskDomesticAbuseFlag(incidents: PoliceDomesticAbuseIncident[]): Flag | null {
  const high = incidents.filter((incident) => incident.dashRiskLevel === DashRiskLevel.HIGH).length;
  const marac = incidents.filter((incident) => incident.maracReferral).length;
  if (high === 0 && marac === 0) return null;
  const parts = [high > 0 ? `${plural(high, 'DASH assessment')} rated HIGH` : null, marac > 0 ? `${plural(marac, 'MARAC referral')}` : null];
  return {
    code: 'DASH_HIGH_OR_MARAC_12M',
    severity: FlagSeverityValue.RED,
    summary: `${parts.filter(Boolean).join(' and ')} in the last 12 months.`,
  };
}

/** Repeat incidents: the escalation criterion for a MARAC referral (SafeLives). */
export function repeatDomesticAbuseFlag(incidents: PoliceDomesticAbuseIncident[]): Flag | null {
  if (incidents.length < REPEAT_INCIDENT_THRESHOLD) return null;
  return {
    code: 'DA_REPEAT_INCIDENTS_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `${incidents.length} domestic-abuse incidents in the last 12 months: meets the MARAC escalation criterion.`,
  };
}
