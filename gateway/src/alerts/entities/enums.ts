import { registerEnumType } from 'type-graphql';
import type { AlertKind } from '../../policy';

/** The kinds of alert rule (policy `alerts.rules[].kind`), as the API names them. */
export enum GovernanceAlertKind {
  RATING_RAISED_THEN_FETCHED = 'RATING_RAISED_THEN_FETCHED',
  URGENT_RATING_UNREVIEWED = 'URGENT_RATING_UNREVIEWED',
  CONSENT_RECORDED_AND_USED = 'CONSENT_RECORDED_AND_USED',
  UNUSUAL_VOLUME = 'UNUSUAL_VOLUME',
  REPEATED_DENIALS = 'REPEATED_DENIALS',
  OUT_OF_HOURS = 'OUT_OF_HOURS',
  UNISSUED_GRANT = 'UNISSUED_GRANT',
}
// The policy's kinds and these must be the same list: a kind added to one only fails to compile.
const SAME_KINDS: Record<AlertKind, GovernanceAlertKind> = GovernanceAlertKind;
void SAME_KINDS;

registerEnumType(GovernanceAlertKind, {
  name: 'GovernanceAlertKind',
  description: 'What an alert rule looks for in the access log, the rating reviews or the agencies\' disclosure logs',
  valuesConfig: {
    RATING_RAISED_THEN_FETCHED: { description: 'A user re-rated a case upward into a rating that opens sharing (e.g. GREEN to AMBER) and then fetched agency data for it themselves soon after' },
    URGENT_RATING_UNREVIEWED: { description: 'An urgent RED rating opened a case to agency data and no manager confirmed or overturned it within the time the policy allows' },
    CONSENT_RECORDED_AND_USED: { description: 'A user recorded consent on a case and fetched agency data for it themselves within minutes' },
    UNUSUAL_VOLUME: { description: "A user's agency fetches in one day were far above their own usual daily volume" },
    REPEATED_DENIALS: { description: 'A user was refused agency data again and again in a short time' },
    OUT_OF_HOURS: { description: "Agency data fetched outside the hub's working hours for a case whose rating the rule does not except (one alert per user per day)" },
    UNISSUED_GRANT: { description: "An agency's disclosure log records a disclosure under a grant the hub never issued to that agency (a forged grant or a leaked signing key)" },
  },
});

export enum GovernanceAlertSeverity {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(GovernanceAlertSeverity, {
  name: 'GovernanceAlertSeverity',
  description: 'How urgently the alert wants a look, as its rule in the ISA policy says',
  valuesConfig: {
    HIGH: { description: 'Look today: possible misuse or a breach' },
    MEDIUM: { description: 'Look soon: a pattern that may be misuse' },
    LOW: { description: 'Look when reviewing: usually explained by the work' },
  },
});

export enum GovernanceAlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}
registerEnumType(GovernanceAlertStatus, {
  name: 'GovernanceAlertStatus',
  description: 'Whether a governance user has reviewed the alert',
  valuesConfig: {
    OPEN: { description: 'Raised and waiting for a governance user to review it' },
    ACKNOWLEDGED: { description: 'Reviewed: a governance user acknowledged it with a note (kept with who and when)' },
  },
});

export enum AlertEvidenceLog {
  ACCESS_LOG = 'ACCESS_LOG',
  DISCLOSURE_LOG = 'DISCLOSURE_LOG',
}
registerEnumType(AlertEvidenceLog, {
  name: 'AlertEvidenceLog',
  description: 'Which log an alert\'s evidence entry is in',
  valuesConfig: {
    ACCESS_LOG: { description: "The hub's access log (accessLog; seq is its position in the chain)" },
    DISCLOSURE_LOG: { description: "An agency's disclosure log (seq is its position in that agency's chain)" },
  },
});
