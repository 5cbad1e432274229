import type { FetchDecision } from './decide';
import type { AgencyName, NotificationsPolicy, PolicyDocument } from './policy-document';

/** Finding a child's school after a police-attended domestic abuse incident (Operation Encompass). */
export const OPERATION_ENCOMPASS_PURPOSE = 'OPERATION_ENCOMPASS';
/** Finding a child's GP practice after such an incident, when the agreement says GPs are told. */
export const GP_NOTIFICATION_PURPOSE = 'GP_NOTIFICATION';
/** Purposes decided by the built-in rule below, never by policy rules; a policy document may not name them. */
export const ONWARD_PURPOSES: readonly string[] = [OPERATION_ENCOMPASS_PURPOSE, GP_NOTIFICATION_PURPOSE];

/** The rule ids of the built-in onward-notification decision (reserved: no policy rule may use them). */
export const ONWARD_RULES = {
  operationEncompass: 'operation-encompass-recipient',
  gpNotification: 'gp-notification-recipient',
  denied: 'onward-purpose-denied',
} as const;

/**
 * The only fields each purpose may ask of its one agency: what finding the recipient needs (the
 * match status, the school's URN, name and designated safeguarding lead's contact; the GP
 * practice's code and name). Anything else (attendance, flags, the UPN, the NHS number...) is denied.
 */
export const ONWARD_FIELDS: Readonly<Record<string, { agency: AgencyName; fields: readonly string[] }>> = {
  [OPERATION_ENCOMPASS_PURPOSE]: {
    agency: 'education',
    fields: [
      'education.status',
      'education.matches.record.currentSchool.urn',
      'education.matches.record.currentSchool.name',
      'education.matches.record.currentSchool.dslContact.role',
      'education.matches.record.currentSchool.dslContact.phone',
    ],
  },
  [GP_NOTIFICATION_PURPOSE]: {
    agency: 'health',
    fields: ['health.status', 'health.matches.record.registeredPractice.odsCode', 'health.matches.record.registeredPractice.name'],
  },
};

/** A child the police named in a domestic abuse notification, with what the rule decides on. */
export interface IncidentChildFacts {
  notificationId: string;
  childrenPresent: boolean;
  status: 'WAITING' | 'SCREENED';
  screenedBy: string | null;
  /** Who holds the notification while screening it (the look-up runs inside the screening), and since when. */
  claimedBy: string | null;
  claimedAt: Date | null;
}

export interface OnwardFetchInput {
  user: { id: string; roles: readonly string[] } | null;
  agency: AgencyName;
  purpose: string;
  /** The field paths the fetch asks for (`requestedFields`). */
  fields: readonly string[];
  /** The notification child these subjects are, or null when they are not one (e.g. a case's subject). */
  child: IncidentChildFacts | null;
  policy: PolicyDocument | null;
  /** Settings when the policy has no `notifications` section. */
  defaults: NotificationsPolicy;
  /** How long a screener's claim on a notification lasts. */
  claimMinutes: number;
  now: Date;
}

/**
 * The built-in rule for the onward-notification purposes (not policy data, so no policy version
 * can widen it): allowed only for the one agency of the purpose, only when the agreement turns the
 * notification on, only for a child of a domestic abuse notification with children present, only
 * for the user screening or who screened it (or a manager, retrying a screened one), and only for
 * the fields that find the recipient. Everything else is denied. Pure.
 */
export function decideOnwardFetch(input: OnwardFetchInput): FetchDecision {
  const version = input.policy?.version ?? 'none';
  const deny = (sentence: string): FetchDecision => ({
    allowed: false, rule: ONWARD_RULES.denied, reason: `${sentence} (rule ${ONWARD_RULES.denied}).`, policyVersion: version, obligations: [], lawfulBasis: null,
  });
  const scope = ONWARD_FIELDS[input.purpose];
  if (!scope) return deny(`"${input.purpose}" is not an onward-notification purpose`);
  if (!input.user) return deny('No signed-in user: agency data is never fetched anonymously');
  if (!input.policy) return deny('No valid ISA policy is active, so nobody is looked up');
  if (input.agency !== scope.agency) return deny(`${input.purpose} asks only ${scope.agency}, never ${input.agency}`);
  const settings = { ...input.defaults, ...input.policy.notifications };
  const on = input.purpose === OPERATION_ENCOMPASS_PURPOSE ? settings.operationEncompass : settings.gpOnDomesticAbuse;
  if (!on) return deny(`ISA policy ${version} does not turn ${input.purpose} notifications on`);
  const outside = input.fields.filter((field) => !scope.fields.includes(field));
  if (outside.length > 0 || input.fields.length === 0) {
    return deny(`${input.purpose} may ask ${scope.agency} only for ${scope.fields.join(', ')}; this fetch asked for ${outside.join(', ') || 'nothing'}`);
  }
  const child = input.child;
  if (!child) return deny(`${input.purpose} covers only the children of a screened domestic abuse notification; these people are not one (a case's subjects are fetched for MASH triage under the agreement's rules)`);
  if (!child.childrenPresent) return deny(`${input.purpose} covers only incidents with children present; notification ${child.notificationId} records none`);
  const roles = input.user.roles;
  const screening =
    child.status === 'WAITING' && child.claimedBy === input.user.id && child.claimedAt !== null &&
    input.now.getTime() - child.claimedAt.getTime() <= input.claimMinutes * 60_000 && (roles.includes('mash-triage') || roles.includes('mash-manager'));
  const screener = child.status === 'SCREENED' && child.screenedBy === input.user.id && (roles.includes('mash-triage') || roles.includes('mash-manager'));
  const retrying = child.status === 'SCREENED' && roles.includes('mash-manager');
  if (!screening && !screener && !retrying) {
    return deny(`${input.purpose} look-ups for notification ${child.notificationId} are made only by whoever is screening or screened it, or a manager retrying`);
  }
  const rule = input.purpose === OPERATION_ENCOMPASS_PURPOSE ? ONWARD_RULES.operationEncompass : ONWARD_RULES.gpNotification;
  const lawfulBasis = input.policy.lawfulBases[input.agency];
  if (!lawfulBasis) return deny(`ISA policy ${version} records no lawful basis for ${input.agency} to share`);
  const what = input.purpose === OPERATION_ENCOMPASS_PURPOSE ? "the child's school and its designated safeguarding lead" : "the child's GP practice";
  return {
    allowed: true,
    rule,
    reason: `${scope.agency} is asked only for ${what}, to tell them about the domestic abuse incident of notification ${child.notificationId} (rule ${rule}).`,
    policyVersion: version,
    obligations: [],
    lawfulBasis,
  };
}

/** How long a screener's hold on a DA notification lasts: the screening itself, and "screening it now" for onward look-ups. */
export const SCREENING_CLAIM_MINUTES = 2;
