import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { createLogger } from '@mash/shared';
import { AuditDecision, AuditKind, AuditLog, type AuditEntryInput, type AuditRecord } from '../audit';
import type { AuthenticatedUser, HubRole } from '../auth/user';
import type { GatewayContext } from '../context';

/**
 * Who may review access: governance only. A mash-manager is not let in, not even for "their own
 * team": tokens carry an organisation, not a team, so "own team" would mean a whole employer's
 * staff, the manager's own accesses included; and the ISA keeps reviewing access apart from
 * exercising it (the default policy's first rule denies governance agency content for the same
 * reason). Managers see their team's work through cases and the hub's report.
 */
export const REVIEWERS: readonly HubRole[] = ['governance'];
/** The rule the access log records on these reads, as the existing governance reads of the log do. */
export const REVIEW_RULE = 'governance-role-required';

const logger = createLogger('gateway');

/** What one review read covered, as the access log records it: ids, never a person's details. */
export interface ReviewScope {
  caseId?: string | null;
  agency?: string | null;
  subjectIds?: string[];
  /** Plain words after the query's name: the filters (ids and codes only). */
  reason: string;
}

/**
 * The signed-in reviewer, or UNAUTHENTICATED / FORBIDDEN. A refused attempt is written to the
 * access log (best effort: the refusal stands either way) so attempts to read it are reviewable too.
 */
export async function requireReviewer(context: GatewayContext, query: string): Promise<AuthenticatedUser> {
  const { user } = context;
  if (!user) {
    throw new GraphQLError(`Sign in to use ${query}: it needs a valid token for a user with the governance role.`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (user.roles.some((role) => REVIEWERS.includes(role))) return user;
  await AuditLog.for(context.hub)
    .append(entry(context, user, query, AuditDecision.DENIED, { reason: 'refused: not a governance user' }, []))
    .catch((error: Error) => logger.error('audit_append_failed', { requestId: context.requestId, query, error: error.name }));
  throw new GraphQLError(
    `${query} is only for users with the governance role; your roles are: ${user.roles.join(', ') || 'none'}. ` +
      'Reviewing who accessed what is the data protection officer\'s task; ask them if you need a review.',
    { extensions: { code: 'FORBIDDEN' } },
  );
}

/**
 * Writes the read to the access log before anything is read (AUDIT_READ, ALLOWED): if the write
 * fails, the read fails (fail closed). Returns the written entry (its seq bounds what the read sees).
 */
export function auditRead(context: GatewayContext, user: AuthenticatedUser, query: string, scope: ReviewScope, info: GraphQLResolveInfo): Promise<AuditRecord> {
  return AuditLog.for(context.hub).append(entry(context, user, query, AuditDecision.ALLOWED, scope, selectedPaths(info)));
}

function entry(context: GatewayContext, user: AuthenticatedUser, query: string, decision: AuditDecision, scope: ReviewScope, fields: string[]): AuditEntryInput {
  return {
    kind: AuditKind.AUDIT_READ,
    decision,
    actorId: user.id,
    actorRoles: user.roles,
    organisation: user.organisation,
    caseId: scope.caseId ?? null,
    agency: scope.agency ?? null,
    subjectIds: scope.subjectIds ?? [],
    fields,
    rule: REVIEW_RULE,
    reason: `${query}: ${scope.reason}`,
    requestId: context.requestId,
  };
}

/** The leaf fields asked for under the query, as dotted paths (`edges.node.actorId`), fragments followed. */
export function selectedPaths(info: GraphQLResolveInfo): string[] {
  const paths = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, prefix: string, seen: readonly string[]): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const path = `${prefix}${selection.name.value}`;
        if (selection.selectionSet) visit(selection.selectionSet, `${path}.`, seen);
        else paths.add(path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, prefix, seen);
      } else if (!seen.includes(selection.name.value)) {
        visit(info.fragments[selection.name.value]?.selectionSet, prefix, [...seen, selection.name.value]);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, '', []);
  return [...paths].sort();
}
