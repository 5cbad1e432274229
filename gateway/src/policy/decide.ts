import type { Obligation } from '@mash/shared';
import { BUILT_IN_RULES, REVIEWING_ROLES, type AgencyName, type CaseStatus, type PolicyDocument, type PolicyRule, type Rag } from './policy-document';

/**
 * Where the case's current rating stands under `ratingControl`: NOT_NEEDED (it opens nothing),
 * AWAITING_CONFIRMATION (a second person must confirm before anything is shared),
 * URGENT_AWAITING_REVIEW (shared at once; a reviewer must confirm or overturn), CONFIRMED, OVERTURNED.
 */
export type RatingState = 'NOT_NEEDED' | 'AWAITING_CONFIRMATION' | 'URGENT_AWAITING_REVIEW' | 'CONFIRMED' | 'OVERTURNED';

/** The facts of the case a fetch is for, as the hub records them. */
export interface CaseFacts {
  id: string;
  /** An information request never opens agency data, whatever its rating. */
  kind: 'REFERRAL' | 'INFORMATION_REQUEST';
  rag: Rag | null;
  status: CaseStatus;
  closedAt: Date | null;
  consentEarlyHelpSharing: boolean;
  /** Null before the case is rated. */
  ratingState: RatingState | null;
}

/** Rating states under which a sharing-opening rating may be acted on. */
const SHARING_STATES: readonly (RatingState | null)[] = ['CONFIRMED', 'URGENT_AWAITING_REVIEW'];

export interface FetchInput {
  user: { id: string; roles: readonly string[] };
  agency: AgencyName;
  purpose: string;
  case: CaseFacts;
  now: Date;
}

export interface FetchDecision {
  allowed: boolean;
  /** The rule that decided, or a built-in id (`default-deny`, `purpose-not-allowed`, ...). */
  rule: string;
  /** A plain sentence for the triage officer, ending with the rule id. */
  reason: string;
  policyVersion: string;
  obligations: Obligation[];
  /** The basis the agency shares under; null when denied. */
  lawfulBasis: string | null;
}

const HOUR_MS = 3_600_000;

/**
 * Decides one agency fetch: built-in denials first (purpose, information request), then the first
 * matching rule; a DENY rule decides, otherwise the guard rails (never-content roles, unrated cases)
 * refuse what no version may open; nothing matched means deny. Pure.
 */
export function decideFetch(policy: PolicyDocument, input: FetchInput): FetchDecision {
  const deny = (rule: string, sentence: string): FetchDecision => ({
    allowed: false,
    rule,
    reason: `${sentence.replace(/[.\s]+$/, '')} (rule ${rule}).`,
    policyVersion: policy.version,
    obligations: [],
    lawfulBasis: null,
  });
  // UK GDPR Art 5(1)(b), purpose limitation: data collected for triage is fetched for nothing else.
  if (!policy.purposes.includes(input.purpose)) {
    return deny(
      BUILT_IN_RULES.purposeNotAllowed,
      `Agency data is fetched only for ${policy.purposes.join(', ')}; "${input.purpose}" is not a purpose this ISA allows`,
    );
  }
  // Requests for information (Family Court, CAFCASS, probation, other local authorities) are
  // answered from the hub's own record: the agreement's safeguarding basis (DPA 2018 Sch 1 para 18)
  // covers triage of a concern, not answering another body's request. Built in, so no policy
  // version can open agency data for one, and a stored version before this rule denies it too.
  if (input.case.kind !== 'REFERRAL') {
    return deny(
      BUILT_IN_RULES.informationRequest,
      'This case is a request for information, answered from the hub\'s own record; agency data is never fetched for an information request, whatever its rating. ' +
        'If it shows a child or adult at risk, receive a referral for them',
    );
  }
  const rule = policy.rules.find((candidate) => matches(candidate, policy, input));
  // A policy's own DENY keeps its id and words (what users and the access log have always seen);
  // anything else a guard rail refuses is refused by the built-in rule, whatever the version says.
  if (rule?.effect === 'DENY') return deny(rule.id, render(rule, policy, input));
  const guard = guardRail(input);
  if (guard) return deny(guard.rule, guard.sentence);
  if (!rule) {
    return deny(
      BUILT_IN_RULES.defaultDeny,
      `No rule of ISA policy ${policy.version} lets ${describeRoles(input.user.roles)} see ${input.agency} data ` +
        `for ${describeCase(input.case)} for ${input.purpose}, and what the ISA does not allow is refused`,
    );
  }
  const sentence = render(rule, policy, input);
  const lawfulBasis = policy.lawfulBases[input.agency];
  if (!lawfulBasis) {
    // UK GDPR Art 6(1): without a recorded lawful basis nothing may be shared, whatever the rule says.
    return deny(BUILT_IN_RULES.noLawfulBasis, `ISA policy ${policy.version} records no lawful basis for ${input.agency} to share`);
  }
  const unconfirmed = ratingDenial(policy, input.case);
  if (unconfirmed) return deny(unconfirmed.rule, unconfirmed.sentence);
  return {
    allowed: true,
    rule: rule.id,
    reason: `${sentence.replace(/[.\s]+$/, '')} (rule ${rule.id}).`,
    policyVersion: policy.version,
    obligations: obligationsFor(rule, input),
    lawfulBasis,
  };
}

/**
 * Guard rails no policy version can switch off, checked before any ALLOW takes effect: a version
 * that leaves out its own DENY rules, or puts an ALLOW first, still cannot open them. Validation refuses such
 * ALLOW rules too; this holds even for a document stored before that check, or altered since.
 */
function guardRail(input: FetchInput): { rule: string; sentence: string } | null {
  const reviewing = input.user.roles.filter((role) => (REVIEWING_ROLES as readonly string[]).includes(role));
  if (reviewing.length > 0) {
    // UK GDPR Art 5(1)(c), data minimisation; and who reviews access must not be the one exercising it.
    return {
      rule: BUILT_IN_RULES.neverContentRoles,
      sentence:
        `Your role ${reviewing.join(', ')} may not see agency content, whatever other roles you hold: ` +
        'governance leads and agency administrators review access and disclosures, not the records themselves',
    };
  }
  if (!input.case.rag) {
    // The ISA threshold is the rating itself (ARCHITECTURE.md "The ISA policy").
    return {
      rule: BUILT_IN_RULES.unratedNeverShared,
      sentence: 'This case has no RAG rating yet; agency data is shared only once it is rated, so rate the case first',
    };
  }
  return null;
}

/**
 * The separation-of-duties check (policy `ratingControl`), applied to whatever rule allowed: a
 * rating that opens sharing must be confirmed, or urgent and under review. A state this policy
 * does not expect (e.g. GREEN made opening after the case was rated) counts as unconfirmed.
 */
function ratingDenial(policy: PolicyDocument, facts: CaseFacts): { rule: string; sentence: string } | null {
  if (!facts.rag || !policy.ratingControl.opensSharing.includes(facts.rag) || SHARING_STATES.includes(facts.ratingState)) return null;
  if (facts.ratingState === 'OVERTURNED') {
    return {
      rule: BUILT_IN_RULES.ratingOverturned,
      sentence: `A manager overturned this case's ${facts.rag} rating, so agency data is no longer shared; re-rate the case if the concern still stands`,
    };
  }
  return {
    rule: BUILT_IN_RULES.ratingUnconfirmed,
    sentence:
      `This case's ${facts.rag} rating is awaiting confirmation by a second person (not whoever rated it or recorded the referral), ` +
      'so agency data is not shared yet; ask a colleague or a manager to confirm the rating',
  };
}

function matches(rule: PolicyRule, policy: PolicyDocument, input: FetchInput): boolean {
  const { case: facts } = input;
  return (
    anyOf(rule.agencies, [input.agency]) &&
    anyOf(rule.roles, input.user.roles) &&
    anyOf(rule.rag, [facts.rag ?? 'UNRATED']) &&
    anyOf(rule.caseStatus, [facts.status]) &&
    anyOf(rule.purposes, [input.purpose]) &&
    conditionHolds(rule, policy, input)
  );
}

/** True when `allowed` holds `*` or any of `actual` (a rule's or an entry's list against the fetch's facts). */
export function anyOf(allowed: readonly string[], actual: readonly string[]): boolean {
  return allowed.includes('*') || actual.some((value) => allowed.includes(value));
}

function conditionHolds(rule: PolicyRule, policy: PolicyDocument, input: FetchInput): boolean {
  const condition = rule.condition;
  if (!condition) return true;
  if (condition.consentEarlyHelpSharing !== undefined && condition.consentEarlyHelpSharing !== input.case.consentEarlyHelpSharing) {
    return false;
  }
  if (condition.closedWithinWindow !== undefined && condition.closedWithinWindow !== closedWithinWindow(policy, input)) {
    return false;
  }
  return true;
}

/** A closed case with no closing time counts as outside the window: unknown means no. */
function closedWithinWindow(policy: PolicyDocument, input: FetchInput): boolean {
  const { status, closedAt } = input.case;
  if (status !== 'CLOSED' || !closedAt) return false;
  return input.now.getTime() - closedAt.getTime() <= policy.closedCaseWindowHours * HOUR_MS;
}

function obligationsFor(rule: PolicyRule, input: FetchInput): Obligation[] {
  const out = new Set<Obligation>();
  for (const item of rule.obligations ?? []) {
    if (!anyOf(item.agencies, [input.agency])) continue;
    if (item.unlessCase && input.case[item.unlessCase]) continue;
    out.add(item.obligation);
  }
  return [...out];
}

function render(rule: PolicyRule, policy: PolicyDocument, input: FetchInput): string {
  // Name only the roles this rule matched, so "Your role governance ..." does not list the others.
  const matched = rule.roles.includes('*') ? input.user.roles : input.user.roles.filter((role) => (rule.roles as string[]).includes(role));
  const values: Record<string, string> = {
    rag: input.case.rag ?? 'unrated',
    status: input.case.status.toLowerCase(),
    roles: matched.join(', ') || 'none',
    agency: input.agency,
    purpose: input.purpose,
    windowHours: String(policy.closedCaseWindowHours),
  };
  return rule.description.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function describeRoles(roles: readonly string[]): string {
  return roles.length === 0 ? 'a user with no hub role' : `role ${roles.join(', ')}`;
}

function describeCase(facts: CaseFacts): string {
  return `${facts.rag ? `a ${facts.rag}` : 'an unrated'} ${facts.status.toLowerCase()} case`;
}

/** What the enforcement point answers when no valid ISA policy is active: deny everything. */
export function decideWithoutPolicy(): FetchDecision {
  const rule = BUILT_IN_RULES.noActivePolicy;
  return {
    allowed: false,
    rule,
    reason: `No valid ISA policy is active, so no agency data is shared until a governance lead activates one (rule ${rule}).`,
    policyVersion: 'none',
    obligations: [],
    lawfulBasis: null,
  };
}
