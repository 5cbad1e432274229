import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LessThan, type FindOptionsWhere } from 'typeorm';
import { AuditDecision, AuditKind, AuditLog } from '../audit';
import { requireRole } from '../auth/require-role';
import type { AuthenticatedUser, HubRole } from '../auth/user';
import type { GatewayContext } from '../context';
import { badInput } from '../errors/bad-input';
import { GovernanceAlertPage, GovernanceAlertScan, GovernanceAlertsArgs } from './alert.type';
import { acknowledgeAlert } from './acknowledge';
import { GovernanceAlert } from './entities/governance-alert.entity';
import { AlertScanner } from './scanner';

const GOVERNANCE: readonly HubRole[] = ['governance'];
const MAX_PAGE = 200;

/** Alerts for governance review: read, scan on demand, acknowledge with a note. Governance only. */
@Resolver()
export class GovernanceAlertResolver {
  @Query(() => GovernanceAlertPage, { description: 'Alerts for governance review, newest first, a page at a time. Needs the governance role; each read is in the access log' })
  async governanceAlerts(@Args() { status, kind, first, after }: GovernanceAlertsArgs, @Ctx() context: GatewayContext): Promise<GovernanceAlertPage> {
    const user = requireRole(context.user, GOVERNANCE, 'review governance alerts');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `must be 1 to ${MAX_PAGE}, got ${first}`);
    const filters = { status: status ?? null, kind: kind ?? null };
    const before = after ? decodeCursor(after, filters) : null;
    await logRead(context, user, `governanceAlerts: status=${filters.status ?? 'any'} kind=${filters.kind ?? 'any'} first=${first}${before ? ` after=${before}` : ''}`);
    const where: FindOptionsWhere<GovernanceAlert> = {};
    if (status) where.status = status;
    if (kind) where.kind = kind;
    const repository = context.hub.getRepository(GovernanceAlert);
    const [rows, totalCount] = await Promise.all([
      repository.find({ where: before ? { ...where, seq: LessThan(before) } : where, order: { seq: 'DESC' }, take: first + 1 }),
      repository.count({ where }),
    ]);
    const alerts = rows.slice(0, first);
    return { alerts, totalCount, hasNextPage: rows.length > first, endCursor: alerts.length > 0 ? encodeCursor(alerts[alerts.length - 1].seq, filters) : null };
  }

  @Mutation(() => GovernanceAlertScan, {
    description: "Scans now for alerts under the active ISA policy's alert rules (the gateway also scans on its own, every MASH_ALERT_SCAN_INTERVAL_SECONDS). Needs the governance role; audited",
  })
  async scanGovernanceAlerts(@Ctx() context: GatewayContext): Promise<GovernanceAlertScan> {
    const user = requireRole(context.user, GOVERNANCE, 'scan for governance alerts');
    await logRead(context, user, 'scanGovernanceAlerts: the access log and the reachable disclosure logs since the last scan');
    return AlertScanner.for(context.hub).scan({ wait: true });
  }

  @Mutation(() => GovernanceAlert, { description: 'Acknowledges an open alert with your note (what you found and did). Once only: a second acknowledgement is refused. Needs the governance role; audited' })
  acknowledgeGovernanceAlert(
    @Arg('id', () => ID, { description: "The alert's id, as governanceAlerts returns it" }) id: string,
    @Arg('note', { description: 'What you found and what, if anything, was done; required, up to 4000 characters. Kept with the alert, not in the access log' }) note: string,
    @Ctx() context: GatewayContext,
  ): Promise<GovernanceAlert> {
    const user = requireRole(context.user, GOVERNANCE, 'acknowledge governance alerts');
    return acknowledgeAlert(context.hub, id, note, user, context.requestId);
  }
}

/** Alerts name users and cases: reading them is a read of what the access log holds, and logged as one. */
function logRead(context: GatewayContext, user: AuthenticatedUser, reason: string): Promise<unknown> {
  return AuditLog.for(context.hub).append({
    kind: AuditKind.AUDIT_READ, decision: AuditDecision.ALLOWED, actorId: user.id, actorRoles: user.roles, organisation: user.organisation,
    rule: 'governance-role-required', reason, requestId: context.requestId,
  });
}

/** An opaque cursor bound to its filters: reused with other filters it is refused, not silently wrong. */
function encodeCursor(seq: string, filters: object): string {
  return Buffer.from(`a1:${seq}:${JSON.stringify(filters)}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, filters: object): string {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^a1:(\d{1,18}):(.*)$/.exec(text);
  if (!match) throw badInput('after', 'is not a cursor governanceAlerts returned; pass endCursor of the previous page unchanged, or leave it out for the first page');
  if (match[2] !== JSON.stringify(filters)) throw badInput('after', 'was returned for other filters; keep status and kind unchanged while paging');
  return match[1];
}

