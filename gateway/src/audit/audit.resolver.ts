import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { createLogger } from '@mash/shared';
import type { GatewayContext } from '../context';
import { AuditDecision, AuditEntry, AuditKind } from './audit-entry.entity';
import { AuditLog } from './audit-log';
import { AccessLogArgs, AccessLogEntry, AuditChainReport } from './audit.type';
import { verifyChain } from './verify-chain';

const GOVERNANCE = 'governance';
const MAX_LIMIT = 1000;
const logger = createLogger('gateway');

/** Governance reads of the access log; each read is itself written to the log first. */
@Resolver()
export class AuditResolver {
  @Query(() => [AccessLogEntry], { description: 'The access log, newest first. Needs the governance role' })
  async accessLog(
    @Args() { caseId, agency, decision, since, limit }: AccessLogArgs,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AccessLogEntry[]> {
    const filters = { caseId, agency, decision, since, limit };
    await requireGovernance(context, 'accessLog', describe(filters), { caseId, agency, fields: selectedFields(info) });
    const sinceDate = since ? new Date(since) : null;
    if (sinceDate && Number.isNaN(sinceDate.getTime())) {
      throw badInput(`since "${since}" is not a timestamp; use ISO 8601, e.g. 2025-01-31T09:00:00Z`);
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badInput(`limit must be 1 to ${MAX_LIMIT}, got ${limit}`);

    const where: FindOptionsWhere<AuditEntry> = {};
    if (caseId) where.caseId = caseId;
    if (agency) where.agency = agency;
    if (decision) where.decision = decision;
    if (sinceDate) where.recordedAt = MoreThanOrEqual(sinceDate);
    const rows = await context.hub.getRepository(AuditEntry).find({ where, order: { seq: 'DESC' }, take: limit });
    return rows.map((row) => ({ ...row, recordedAt: row.recordedAt.toISOString() }));
  }

  @Query(() => AuditChainReport, { description: 'Recomputes the whole hash chain. Needs the governance role' })
  async auditChain(@Ctx() context: GatewayContext): Promise<AuditChainReport> {
    await requireGovernance(context, 'auditChain', 'verify the hash chain', { caseId: null, agency: null, fields: [] });
    const report = await verifyChain(context.hub);
    return {
      ok: report.ok,
      entries: report.entries,
      firstBroken: report.firstBroken ?? null,
      headSeq: report.head?.seq ?? null,
      headHash: report.head?.hash ?? null,
      checkedAt: new Date().toISOString(),
    };
  }
}

/**
 * Refuses anyone without the governance role, and writes the read (or the refused attempt by a
 * signed-in user) to the access log. The allowed read is logged before any data is read: if that
 * write fails, the read fails (fail closed). Other governance reads of the log (the policy
 * simulation) use it too, so every such read is recorded alike.
 */
export async function requireGovernance(
  context: GatewayContext,
  query: string,
  reason: string,
  scope: { caseId: string | null; agency: string | null; fields: string[] },
): Promise<void> {
  const { user } = context;
  if (!user) {
    throw new GraphQLError(`Sign in to use ${query}: it needs a valid token for a user with the ${GOVERNANCE} role.`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const allowed = user.roles.includes(GOVERNANCE);
  const entry = {
    kind: AuditKind.AUDIT_READ,
    decision: allowed ? AuditDecision.ALLOWED : AuditDecision.DENIED,
    actorId: user.id,
    actorRoles: user.roles,
    organisation: user.organisation,
    ...scope,
    rule: `${GOVERNANCE}-role-required`,
    reason: `${query}: ${reason}`,
    requestId: context.requestId,
  };
  if (allowed) {
    await AuditLog.for(context.hub).append(entry);
    return;
  }
  // The refusal stands whether or not it could be logged.
  await AuditLog.for(context.hub).append(entry).catch((error: Error) => {
    logger.error('audit_append_failed', { requestId: context.requestId, query, error: error.name });
  });
  throw new GraphQLError(
    `${query} is only for users with the ${GOVERNANCE} role; your roles are: ${user.roles.join(', ') || 'none'}. ` +
      'Ask your MASH data protection officer if you need it.',
    { extensions: { code: 'FORBIDDEN' } },
  );
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function describe(filters: Record<string, string | number | null>): string {
  const set = Object.entries(filters).filter(([, value]) => value !== null && value !== undefined);
  return set.map(([key, value]) => `${key}=${value}`).join(' ') || 'no filters';
}

/** The fields asked for under this query, fragments included (recorded as `fields`). */
export function selectedFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return [...names].sort();
}
