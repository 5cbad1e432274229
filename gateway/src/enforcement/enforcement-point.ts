import { randomUUID } from 'node:crypto';
import { DISCLOSURE_LOG_REVIEW, SENSITIVITY_LEVELS, subjectDigests, type AgencyName, type GrantIssuer, type Logger, type MatchDecision, type SensitivityLevel } from '@mash/shared';
import type { AuditLog } from '../audit';
import { AuditDecision, AuditKind } from '../audit/audit-entry.entity';
import type { AuditEntryInput, DecisionFacts } from '../audit';
import type { GatewayContext } from '../context';
import { decideFetch, decideOnwardFetch, decideWithoutPolicy, ONWARD_PURPOSES, SCREENING_CLAIM_MINUTES, type CaseFacts, type FetchDecision, type PolicyStore } from '../policy';
import { releasedLevels, withheldField, type ReleaseInput } from '../policy/classification';
import type { PolicyDocument } from '../policy/policy-document';
import type { FieldClassification, WithheldPath } from './field-withholding';
import { DEFAULT_NOTIFICATIONS } from '../notifications/agreement';
import { incidentChildren } from './incident-children';
import { markResearchStarted } from '../hub/lifecycle/research';
import { decisionsOfSubjects } from '../hub/match-decisions';
import { casesOfSubjects, type SubjectCase } from './subject-cases';
import { SUBJECT_ACCESS_REVIEW, SUBJECT_ACCESS_REVIEW_RULE } from '../review/purpose';
import { traceDecisions, tracedAppend } from './tracing';

/** The purpose of every triage fetch; the policy lists the purposes it allows. */
export const TRIAGE_PURPOSE = 'MASH_TRIAGE';

/** Subjects of one case within one agency fetch, with the decision for them and, if allowed, the grant. */
export interface CaseGroup {
  caseId: string | null;
  subjectIds: string[];
  /** Positions of these subjects in the fetch's representations. */
  indexes: number[];
  decision: FetchDecision;
  /** The signed grant (sent to the agency) and its id (in the access log), when allowed. */
  grant?: string;
  grantId?: string;
  /** The case's facts the decision was taken on (null: no case found), audited for re-evaluation. */
  facts?: CaseFacts | null;
  /** An allowed triage fetch: the field sensitivities the policy releases to it and what it withholds. */
  release?: FieldRelease;
}

/** Field classification of one allowed fetch (issue 12): applied by the agency data source, audited here. */
export interface FieldRelease {
  /** Levels released (`releasedLevels`), never RESTRICTED. */
  levels: SensitivityLevel[];
  /** The policy's classificationAccess entries that released them. */
  entries: string[];
  /** The requested field paths withheld, each with the level that withheld it. */
  withheld: WithheldPath[];
  /** What withholding a field at each level not released says: the rule and its plain sentence. */
  denials: Partial<Record<SensitivityLevel, { rule: string; reason: string }>>;
}

export interface EnforcementDeps {
  policies: PolicyStore;
  audit: AuditLog;
  issuer: GrantIssuer;
  logger: Logger;
  /** The supergraph's field sensitivities, from the SDL the gateway serves. */
  fields: FieldClassification;
}

/**
 * The policy enforcement point, called by an agency's data source before anything leaves the
 * gateway. Every decision is written to the access log first; if that write fails, every group is
 * denied (fail closed). Likewise if the hub cannot be read or no valid policy is active.
 */
export class EnforcementPoint {
  /** Per request: the four agency fetches of one query ask about the same subjects; look them up once. */
  private readonly lookups = new WeakMap<GatewayContext, Map<string, Promise<Map<string, SubjectCase>>>>();
  /** Per request: cases whose research start this request has already marked (or is marking). */
  private readonly researchMarked = new WeakMap<GatewayContext, Set<string>>();

  constructor(private readonly deps: EnforcementDeps) {}

  /** The field classification the agency data sources prune with. */
  get fields(): FieldClassification {
    return this.deps.fields;
  }

  /** How long a screener's claim on a DA notification counts as "screening it now" for onward look-ups. */
  static readonly SCREENING_CLAIM_MINUTES = SCREENING_CLAIM_MINUTES;

  private readonly decisionLookups = new WeakMap<GatewayContext, Map<string, Promise<Map<string, Map<string, MatchDecision>>>>>();

  private casesOf(context: GatewayContext, subjectIds: string[]): Promise<Map<string, SubjectCase>> {
    return memo(this.lookups, context, subjectIds, () => casesOfSubjects(context.hub, subjectIds));
  }

  /** Triage officers' confirmed and rejected records per subject and agency, carried in each grant. */
  private decisionsOf(context: GatewayContext, subjectIds: string[]): Promise<Map<string, Map<string, MatchDecision>>> {
    return memo(this.decisionLookups, context, subjectIds, () => decisionsOfSubjects(context.hub, subjectIds));
  }

  /**
   * Decides, audits and (where allowed) grants one agency fetch. `representations` are exactly what
   * will be sent, in the order of `subjectIds`: each grant carries their digests, so it covers
   * these people with these details and nothing else.
   */
  async authoriseEntities(agency: AgencyName, context: GatewayContext, subjectIds: string[], fields: string[], representations: readonly unknown[]): Promise<CaseGroup[]> {
    if (context.purpose && context.purpose !== TRIAGE_PURPOSE) return this.authoriseOnward(agency, context, context.purpose, subjectIds, fields, representations);
    const now = new Date();
    let groups: CaseGroup[];
    let matchDecisions = new Map<string, Map<string, MatchDecision>>();
    let cases = new Map<string, SubjectCase>();
    try {
      const [found, policy, decisions] = await Promise.all([
        this.casesOf(context, subjectIds), this.deps.policies.active(), this.decisionsOf(context, subjectIds),
      ]);
      matchDecisions = decisions;
      cases = found;
      groups = groupByCase(subjectIds, cases).map(({ caseId, indexes }) => {
        const facts = caseId ? cases.get(subjectIds[indexes[0]])! : null;
        const decision = !context.user
          ? denial('no-user', 'No signed-in user: agency data is never fetched anonymously')
          : !facts
            ? denial('unknown-subject', 'These people are not subjects of any case in the hub')
            : policy
              ? decideFetch(policy, { user: context.user, agency, purpose: TRIAGE_PURPOSE, case: facts, now })
              : decideWithoutPolicy();
        const release = decision.allowed && policy && context.user && facts
          ? this.release(policy, { roles: context.user.roles, rag: facts.rag, purpose: TRIAGE_PURPOSE, agency }, fields)
          : undefined;
        return { caseId, indexes, subjectIds: indexes.map((index) => subjectIds[index]), decision, facts, release };
      });
    } catch (error) {
      this.deps.logger.error('enforcement_lookup_failed', { agency, requestId: context.requestId, error: (error as Error).name, sqlState: (error as { code?: string }).code });
      return [{ caseId: null, subjectIds, indexes: subjectIds.map((_, index) => index), decision: denial('hub-unavailable', 'The hub could not check this case against the sharing agreement, so nothing was fetched') }];
    }
    // Each grant is named now and signed while its decision is being logged: the entry carries the
    // grant id, and the grant goes out only if the entry was written (`audited` drops it otherwise).
    const user = context.user;
    const mints = groups.map((group) => {
      if (!group.decision.allowed || !user || !group.caseId) return undefined;
      group.grantId = randomUUID();
      return this.deps.issuer.mint({
        agency,
        caseId: group.caseId,
        subjectIds: group.subjectIds,
        purpose: TRIAGE_PURPOSE,
        policyVersion: group.decision.policyVersion,
        userId: user.id,
        obligations: group.decision.obligations,
        matchDecisions: Object.fromEntries(group.subjectIds.flatMap((id) => {
          const decision = matchDecisions.get(id)?.get(agency);
          return decision ? [[id, decision]] : [];
        })),
        subjectDigests: subjectDigests(group.indexes.map((index) => representations[index])),
      }, { grantId: group.grantId });
    });
    const signed = Promise.all(mints);
    // A failed signature is the request's failure, as before; never an unhandled rejection meanwhile.
    signed.catch(() => undefined);
    // The request's reads of the hub's case record (CASE_READ), held back by the hub's data source
    // for this moment, go to the access log in the same turn as the decisions: one commit for all.
    context.reads?.flush();
    const logged = await this.audited(groups, (group) => ({
      ...this.entryBase(context, agency, fields, group.decision),
      caseId: group.caseId,
      subjectIds: group.subjectIds,
      grantId: group.grantId ?? null,
      facts: {
        ...decisionFacts(TRIAGE_PURPOSE, group.facts ?? null, now),
        ...(group.release ? { released: group.release.levels, withheld: group.release.withheld } : {}),
      },
    }));
    const tokens = await signed;
    const audited = logged.map((group, index) => (group.grantId && group.decision.allowed ? { ...group, grant: tokens[index]?.token } : group));
    // Only once the decision is logged and the fetch will go out: the case's first costs one UPDATE.
    await this.markResearch(context, audited, cases, subjectIds, now);
    return audited;
  }

  /**
   * What an allowed fetch may return, field by field: the levels the policy's classificationAccess
   * releases for this role, rating, purpose and agency (never RESTRICTED), and the requested fields
   * that leaves out. The data source cuts those from the operation; the agency never sees them asked.
   */
  private release(policy: PolicyDocument, input: ReleaseInput, fields: string[]): FieldRelease {
    const { levels, entries } = releasedLevels(policy, input);
    const denials: FieldRelease['denials'] = {};
    for (const level of SENSITIVITY_LEVELS) if (!levels.includes(level)) denials[level] = withheldField(policy, level, input);
    return { levels, entries, withheld: this.deps.fields.withheldPaths(fields, levels), denials };
  }

  /**
   * The hub's clock: the first allowed fetch for a case starts its research (researchStartedAt,
   * stage IN_RESEARCH). At most one conditional UPDATE per request, only for cases not yet
   * marked; a failure is logged and never fails the fetch. The AGENCY_FETCH entry audits it.
   */
  private markResearch(context: GatewayContext, groups: CaseGroup[], cases: Map<string, SubjectCase>, subjectIds: string[], now: Date): Promise<void> {
    const marked = this.researchMarked.get(context) ?? new Set<string>();
    this.researchMarked.set(context, marked);
    const caseIds = groups.flatMap((group) => {
      const facts = group.caseId ? cases.get(subjectIds[group.indexes[0]]) : undefined;
      return group.decision.allowed && facts && !facts.researchStarted && !marked.has(facts.id) ? [facts.id] : [];
    });
    if (caseIds.length === 0) return Promise.resolve();
    caseIds.forEach((id) => marked.add(id));
    return markResearchStarted(context.hub, caseIds, now).then(
      () => undefined,
      (error: unknown) => {
        this.deps.logger.error('research_start_failed', { requestId: context.requestId, error: (error as Error).name, sqlState: (error as { code?: string }).code });
      },
    );
  }

  /**
   * A fetch under an onward-notification purpose (OPERATION_ENCOMPASS, GP_NOTIFICATION), set only
   * by the hub's own executor: decided by the built-in rule (`decideOnwardFetch`), never by policy
   * rules, per domestic abuse notification (its id is the grant's and the access log's caseId).
   * An unknown purpose, a case's subject, or any field outside the allow-list is denied.
   */
  private async authoriseOnward(agency: AgencyName, context: GatewayContext, purpose: string, subjectIds: string[], fields: string[], representations: readonly unknown[]): Promise<CaseGroup[]> {
    const now = new Date();
    let groups: CaseGroup[];
    try {
      const [children, policy] = await Promise.all([incidentChildren(context.hub, subjectIds), this.deps.policies.active()]);
      const byNotification = new Map<string | null, number[]>();
      subjectIds.forEach((id, index) => {
        const key = children.get(id)?.notificationId ?? null;
        byNotification.set(key, [...(byNotification.get(key) ?? []), index]);
      });
      groups = [...byNotification].map(([notificationId, indexes]) => {
        const decision = ONWARD_PURPOSES.includes(purpose)
          ? decideOnwardFetch({
              user: context.user, agency, purpose, fields, child: notificationId ? children.get(subjectIds[indexes[0]])! : null, policy,
              defaults: DEFAULT_NOTIFICATIONS, claimMinutes: EnforcementPoint.SCREENING_CLAIM_MINUTES, now,
            })
          : denial('purpose-not-allowed', `"${purpose}" is not a purpose agency data is fetched for`);
        return { caseId: notificationId, indexes, subjectIds: indexes.map((index) => subjectIds[index]), decision };
      });
    } catch (error) {
      this.deps.logger.error('enforcement_lookup_failed', { agency, requestId: context.requestId, error: (error as Error).name, sqlState: (error as { code?: string }).code });
      return [{ caseId: null, subjectIds, indexes: subjectIds.map((_, index) => index), decision: denial('hub-unavailable', 'The hub could not check these people against the sharing agreement, so nothing was fetched') }];
    }
    for (const group of groups) {
      if (!group.decision.allowed || !context.user || !group.caseId) continue;
      const minted = await this.deps.issuer.mint({
        agency,
        caseId: group.caseId,
        subjectIds: group.subjectIds,
        purpose,
        policyVersion: group.decision.policyVersion,
        userId: context.user.id,
        obligations: [],
        subjectDigests: subjectDigests(group.indexes.map((index) => representations[index])),
      });
      group.grant = minted.token;
      group.grantId = minted.grantId;
    }
    return this.audited(groups, (group) => {
      const base = this.entryBase(context, agency, fields, group.decision);
      return { ...base, reason: `purpose=${purpose} ${base.reason ?? ''}`.trim(), caseId: group.caseId, subjectIds: group.subjectIds, grantId: group.grantId ?? null };
    });
  }

  /**
   * An agency administrator reading their own agency's disclosure log through the gateway, or a
   * governance user's subject access review (whoHasSeen), whose purpose only the hub's own executor sets.
   */
  async authoriseDisclosureRead(agency: AgencyName, context: GatewayContext, fields: string[]): Promise<CaseGroup> {
    const user = context.user;
    const own = Boolean(user?.roles.includes('agency-admin') && user.agency === agency);
    const review = Boolean(user?.roles.includes('governance') && context.purpose === SUBJECT_ACCESS_REVIEW);
    const allowed = own || review;
    const decision: FetchDecision = own
      ? { allowed: true, rule: 'agency-admin-own-disclosures', reason: `An ${agency} administrator reads ${agency}'s own disclosure log.`, policyVersion: 'n/a', obligations: [], lawfulBasis: null }
      : review
        ? { allowed: true, rule: SUBJECT_ACCESS_REVIEW_RULE, reason: `A governance user's subject access review reads ${agency}'s disclosure log for one person's cases.`, policyVersion: 'n/a', obligations: [], lawfulBasis: null }
        : denial('disclosure-log-own-agency-only', `Only an agency-admin of ${agency} may read ${agency}'s disclosure log`);
    const group: CaseGroup = { caseId: null, subjectIds: [], indexes: [], decision };
    if (allowed && user) {
      const minted = await this.deps.issuer.mint({ agency, caseId: 'n/a', subjectIds: [], purpose: DISCLOSURE_LOG_REVIEW, policyVersion: 'n/a', userId: user.id, obligations: [] });
      group.grant = minted.token;
      group.grantId = minted.grantId;
    }
    const [audited] = await this.audited([group], () => ({ ...this.entryBase(context, agency, fields, decision), grantId: group.grantId ?? null }));
    return audited;
  }

  private entryBase(context: GatewayContext, agency: AgencyName, fields: string[], decision: FetchDecision): AuditEntryInput {
    return {
      kind: AuditKind.AGENCY_FETCH,
      decision: decision.allowed ? AuditDecision.ALLOWED : AuditDecision.DENIED,
      actorId: context.user?.id ?? null,
      actorRoles: context.user?.roles ?? [],
      organisation: context.user?.organisation ?? null,
      agency,
      fields,
      rule: decision.rule,
      policyVersion: decision.policyVersion,
      reason: decision.reason,
      requestId: context.requestId,
    };
  }

  private async audited(groups: CaseGroup[], entry: (group: CaseGroup) => AuditEntryInput): Promise<CaseGroup[]> {
    let entries: AuditEntryInput[] = [];
    try {
      entries = groups.map(entry);
      await tracedAppend(entries, () => this.deps.audit.appendMany(entries));
      return traceDecisions(groups, entries);
    } catch (error) {
      this.deps.logger.error('audit_append_failed', { error: (error as Error).name, sqlState: (error as { code?: string }).code });
      const decision = denial('audit-unavailable', 'The access log could not record this decision, so nothing was fetched');
      return traceDecisions(groups.map((group) => ({ ...group, decision, grant: undefined })), entries);
    }
  }
}

/** The decision's inputs as the access log keeps them (hub facts only), for simulation and review. */
export function decisionFacts(purpose: string, facts: CaseFacts | null, decidedAt?: Date): DecisionFacts {
  return {
    purpose,
    ...(decidedAt ? { decidedAt: decidedAt.toISOString() } : {}),
    case: facts
      ? {
          kind: facts.kind,
          rag: facts.rag,
          status: facts.status,
          closedAt: facts.closedAt?.toISOString() ?? null,
          consentEarlyHelpSharing: facts.consentEarlyHelpSharing,
          ratingState: facts.ratingState,
        }
      : null,
  };
}

function groupByCase(subjectIds: string[], cases: Map<string, { id: string }>): { caseId: string | null; indexes: number[] }[] {
  const groups = new Map<string | null, number[]>();
  subjectIds.forEach((id, index) => {
    const caseId = cases.get(id)?.id ?? null;
    groups.set(caseId, [...(groups.get(caseId) ?? []), index]);
  });
  return [...groups].map(([caseId, indexes]) => ({ caseId, indexes }));
}

function denial(rule: string, sentence: string): FetchDecision {
  return { allowed: false, rule, reason: `${sentence} (rule ${rule}).`, policyVersion: 'n/a', obligations: [], lawfulBasis: null };
}

/** One lookup per request for the same subjects: the four agency fetches of a query share it. */
function memo<T>(store: WeakMap<GatewayContext, Map<string, Promise<T>>>, context: GatewayContext, subjectIds: string[], load: () => Promise<T>): Promise<T> {
  let forRequest = store.get(context);
  if (!forRequest) store.set(context, (forRequest = new Map()));
  const key = [...subjectIds].sort().join(',');
  let lookup = forRequest.get(key);
  if (!lookup) forRequest.set(key, (lookup = load()));
  return lookup;
}
