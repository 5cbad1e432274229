import { FlagSeverityValue, type Flag } from '@mash/shared';
import { DashRiskLevel, OccurrenceRole } from '../entities/codes';
import type { NamedOccurrence } from '../records/load';
import { within, type Windows } from '../records/windows';
import type { PoliceDomesticAbuseIncident } from '../types/history.type';
import { latest } from './dates';

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
      date: latest(incidents.filter((incident) => incident.childrenPresent).map((incident) => incident.reportedOn)),
    };
  }
  return {
    code: 'DA_INCIDENT_12M',
    severity: FlagSeverityValue.GREEN,
    summary: `${plural(incidents.length, 'domestic-abuse incident')} in the last 12 months, no children recorded as present.`,
    date: latest(incidents.map((incident) => incident.reportedOn)),
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
    date: latest(incidents.filter((incident) => incident.dashRiskLevel === DashRiskLevel.HIGH || incident.maracReferral).map((incident) => incident.reportedOn)),
  };
}

/** Repeat incidents: the escalation criterion for a MARAC referral (SafeLives). */
export function repeatDomesticAbuseFlag(incidents: PoliceDomesticAbuseIncident[]): Flag | null {
  if (incidents.length < REPEAT_INCIDENT_THRESHOLD) return null;
  return {
    code: 'DA_REPEAT_INCIDENTS_12M',
    severity: FlagSeverityValue.AMBER,
    summary: `${incidents.length} domestic-abuse incidents in the last 12 months: meets the MARAC escalation criterion.`,
    date: latest(incidents.map((incident) => incident.reportedOn)),
  };
}

/** How long a named perpetrator stays flagged: DA is a pattern, and a new partner's children are at risk too. */
export const PERPETRATOR_YEARS = 5;

/**
 * Named SUSPECT or OFFENDER in a domestic-abuse occurrence in the last 5 years (any subject: a
 * parent, a partner, an alleged perpetrator): RED when one within 12 months was DASH HIGH or went
 * to MARAC, otherwise AMBER. `occurrences` are those the grant lets police disclose.
 */
export function domesticAbusePerpetratorFlag(occurrences: NamedOccurrence[], windows: Windows): Flag | null {
  const perpetrated = occurrences.filter(
    (o) => o.domesticAbuse && within(new Date(o.reportedAt), windows.last5Years, windows)
      && o.roles.some((role) => role === OccurrenceRole.SUSPECT || role === OccurrenceRole.OFFENDER),
  );
  if (perpetrated.length === 0) return null;
  const highRecent = perpetrated.filter((o) => within(new Date(o.reportedAt), windows.last12Months, windows) && (o.dashRisk === DashRiskLevel.HIGH || o.marac));
  const date = latest(perpetrated.map((o) => o.reportedAt));
  return {
    code: 'DA_PERPETRATOR',
    severity: highRecent.length > 0 ? FlagSeverityValue.RED : FlagSeverityValue.AMBER,
    summary: `Named as suspect or offender in ${plural(perpetrated.length, 'domestic-abuse incident')} in the last ${PERPETRATOR_YEARS} years, the latest on ${date}`
      + `${highRecent.length > 0 ? ', with a DASH HIGH or MARAC referral in the last 12 months' : ''}.`,
    date,
  };
}
