import type { AuthenticatedUser } from '../auth/user';
import type { ChildIdentity } from './content';
import { GP_NOTIFICATION_PURPOSE, OPERATION_ENCOMPASS_PURPOSE } from '../policy/onward-purpose';
import { OnwardNotificationKind, OnwardNotificationProblem } from './entities/enums';
import type { FederatedExecutor, FederatedResult } from './federated-executor';

/** Who to tell about one child, or why they could not be found. */
export type RecipientLookup =
  | { found: true; code: string; name: string; contact: string | null; child: ChildIdentity }
  | { found: false; problem: OnwardNotificationProblem; reason: string };

const EDUCATION = 'education { status matches { record { upn currentSchool { urn name dslContact { role phone } } } } }';
const HEALTH = 'health { status matches { record { nhsNumber registeredPractice { odsCode name } } } }';
/** Without a case: exactly the onward purposes' allow-list (ONWARD_FIELDS), nothing more. */
const EDUCATION_NO_CASE = 'education { status matches { record { currentSchool { urn name dslContact { role phone } } } } }';
const HEALTH_NO_CASE = 'health { status matches { record { registeredPractice { odsCode name } } } }';

/**
 * How the children are reached. CASE: as subjects of the escalated case, under the policy's
 * MASH_TRIAGE rules. INCIDENT (no case): as the notification's own children (`childrenAtIncident`),
 * one request per kind under its narrow purpose, decided by the enforcement point's built-in rule.
 */
export type LookupRoute = 'CASE' | 'INCIDENT';

const FIELD_OF_ROUTE: Record<LookupRoute, string> = { CASE: 'children', INCIDENT: 'childrenAtIncident' };
const PURPOSE_OF_KIND: Record<OnwardNotificationKind, string> = {
  [OnwardNotificationKind.OPERATION_ENCOMPASS]: OPERATION_ENCOMPASS_PURPOSE,
  [OnwardNotificationKind.GP_NOTIFICATION]: GP_NOTIFICATION_PURPOSE,
};

/** The notification's children, with only what finding their school (and GP) needs. */
function recipientQuery(kinds: readonly OnwardNotificationKind[], route: LookupRoute): string {
  const [education, health] = route === 'CASE' ? [EDUCATION, HEALTH] : [EDUCATION_NO_CASE, HEALTH_NO_CASE];
  const fields = [
    // The police-given UPN and NHS number (the hub's own copy) identify the child in the message when nothing was fetched for them.
    route === 'CASE' ? 'id givenName familyName dateOfBirth' : 'id givenName familyName dateOfBirth upn nhsNumber',
    kinds.includes(OnwardNotificationKind.OPERATION_ENCOMPASS) ? education : '',
    kinds.includes(OnwardNotificationKind.GP_NOTIFICATION) ? health : '',
  ].join(' ');
  return `query OnwardRecipients($id: ID!) { domesticAbuseNotification(id: $id) { ${FIELD_OF_ROUTE[route]} { ${fields} } } }`;
}

interface ChildSubject {
  id: string;
  givenName: string | null;
  familyName: string;
  dateOfBirth: string | null;
  upn?: string | null;
  nhsNumber?: string | null;
  education?: AgencyView<{ upn?: string | null; currentSchool: { urn: string; name: string; dslContact: { role: string; phone: string } } | null }> | null;
  health?: AgencyView<{ nhsNumber?: string | null; registeredPractice: { odsCode: string; name: string } | null }> | null;
}
type AgencyView<R> = { status: 'MATCHED' | 'AMBIGUOUS' | 'NOT_KNOWN'; matches: { record: R }[] };

/**
 * Finds each child's school (and GP) through the education (and health) subgraphs, as `user`,
 * through the gateway's executor: the enforcement point decides, grants and audits each fetch, so
 * a GREEN, unrated or unconfirmed case is refused there and nothing leaves for the agency. Answers
 * per subject id and kind; a child absent from the answer is NOT_IN_CASE.
 */
export async function lookUpRecipients(
  execute: FederatedExecutor,
  as: { user: AuthenticatedUser; requestId: string },
  notificationId: string,
  kinds: readonly OnwardNotificationKind[],
  route: LookupRoute = 'CASE',
): Promise<{ byChild: Map<string, Map<OnwardNotificationKind, RecipientLookup>>; failure: RecipientLookup | null }> {
  if (route === 'CASE') return lookUpOnce(execute, as, notificationId, kinds, route);
  // One request per kind: each purpose opens one agency for its own fields only.
  const out = new Map<string, Map<OnwardNotificationKind, RecipientLookup>>();
  for (const kind of kinds) {
    const { byChild, failure } = await lookUpOnce(execute, { ...as, purpose: PURPOSE_OF_KIND[kind] }, notificationId, [kind], route);
    if (failure) return { byChild: out, failure };
    for (const [childId, found] of byChild) out.set(childId, new Map([...(out.get(childId) ?? []), ...found]));
  }
  return { byChild: out, failure: null };
}

async function lookUpOnce(
  execute: FederatedExecutor,
  as: { user: AuthenticatedUser; requestId: string; purpose?: string },
  notificationId: string,
  kinds: readonly OnwardNotificationKind[],
  route: LookupRoute,
): Promise<{ byChild: Map<string, Map<OnwardNotificationKind, RecipientLookup>>; failure: RecipientLookup | null }> {
  const out = new Map<string, Map<OnwardNotificationKind, RecipientLookup>>();
  const field = FIELD_OF_ROUTE[route];
  let result: FederatedResult;
  try {
    result = await execute({ query: recipientQuery(kinds, route), variables: { id: notificationId } }, as);
  } catch (error) {
    return { byChild: out, failure: { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: `The look-up could not run (${(error as Error).name}); retry it later` } };
  }
  const children = (result.data?.domesticAbuseNotification as Record<string, ChildSubject[] | null> | null)?.[field];
  if (!children) {
    // The request itself was refused or failed (e.g. a limit, the access log): nobody was looked up.
    const first = result.errors?.[0];
    const code = String(first?.extensions?.code ?? 'no answer');
    return { byChild: out, failure: { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: `The look-up was not answered (${code}); retry it later` } };
  }
  children.forEach((child, index) => {
    const identity = { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth };
    const byKind = new Map<OnwardNotificationKind, RecipientLookup>();
    for (const kind of kinds) {
      const agency = kind === OnwardNotificationKind.OPERATION_ENCOMPASS ? 'education' : 'health';
      const error = errorAt(result, field, index, agency);
      byKind.set(kind, error ? refused(error, agency) : kind === OnwardNotificationKind.OPERATION_ENCOMPASS ? school(child, identity) : practice(child, identity));
    }
    out.set(child.id, byKind);
  });
  return { byChild: out, failure: null };
}

function school(child: ChildSubject, identity: ChildIdentity): RecipientLookup {
  const view = child.education;
  const unmatched = unmatchedProblem(view, 'education');
  if (unmatched) return unmatched;
  const record = view!.matches[0].record;
  if (!record.currentSchool) return { found: false, problem: OnwardNotificationProblem.NOT_ON_ROLL, reason: 'Education knows the child but they are on no school roll: no school to tell' };
  const { urn, name, dslContact } = record.currentSchool;
  return { found: true, code: urn, name, contact: `${dslContact.role}, ${dslContact.phone}`, child: { ...identity, upn: record.upn ?? child.upn ?? null } };
}

function practice(child: ChildSubject, identity: ChildIdentity): RecipientLookup {
  const view = child.health;
  const unmatched = unmatchedProblem(view, 'health');
  if (unmatched) return unmatched;
  const record = view!.matches[0].record;
  if (!record.registeredPractice) return { found: false, problem: OnwardNotificationProblem.NOT_REGISTERED, reason: 'Health knows the child but no GP practice can be named (not registered, or a restricted record)' };
  return { found: true, code: record.registeredPractice.odsCode, name: record.registeredPractice.name, contact: null, child: { ...identity, nhsNumber: record.nhsNumber ?? child.nhsNumber ?? null } };
}

function unmatchedProblem(view: AgencyView<unknown> | null | undefined, agency: string): RecipientLookup | null {
  if (!view) return { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: `${agency} gave no answer about the child` };
  if (view.status === 'NOT_KNOWN' || view.matches.length === 0) return { found: false, problem: OnwardNotificationProblem.NOT_KNOWN, reason: `${agency} holds no record of the child` };
  if (view.status === 'AMBIGUOUS') {
    return { found: false, problem: OnwardNotificationProblem.AMBIGUOUS, reason: `${agency} could not tell which of several records is the child: confirm the match on the case (confirmMatch), then retry` };
  }
  return null;
}

type ResultError = NonNullable<FederatedResult['errors']>[number];

/**
 * The error the gateway gave for this child's agency field, if any (denied, unavailable...): on
 * the field's path, or (as the gateway reports an agency's refusal) on the child's with the agency named.
 */
function errorAt(result: FederatedResult, field: string, index: number, agency: string): ResultError | undefined {
  return result.errors?.find((error) => {
    const path = error.path ?? [];
    if (path[1] !== field || path[2] !== index) return false;
    return path[3] === agency || (path.length === 3 && (error.extensions?.agency === agency || error.extensions?.serviceName === agency));
  });
}

function refused(error: ResultError, agency: string): RecipientLookup {
  const code = error.extensions?.code;
  if (code === 'ISA_DENIED') {
    return { found: false, problem: OnwardNotificationProblem.DENIED, reason: `The agreement did not let ${agency} be asked (rule ${String(error.extensions?.rule ?? 'unknown')}); nothing was fetched` };
  }
  return { found: false, problem: OnwardNotificationProblem.UNAVAILABLE, reason: `${agency} could not be asked (${String(code ?? 'error')}); retry the look-up later` };
}
