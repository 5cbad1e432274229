import type { Logger } from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit';
import { notificationEntry } from '../screening/audit';
import { DISPATCHER_ACTOR, OUTBOX_RULES } from './audit';
import type { NotificationConfig } from './config';
import type { EndpointDirectory } from './directory';
import { DeliveryAttempt } from './entities/delivery-attempt.entity';
import { OnwardNotificationProblem, OnwardNotificationStatus } from './entities/enums';
import { OnwardNotification } from './entities/onward-notification.entity';

export interface DispatcherOptions extends Pick<NotificationConfig, 'intervalMs' | 'maxAttempts' | 'backoffMs' | 'maxBackoffMs' | 'timeoutMs'> {
  hub: DataSource;
  audit: AuditLog;
  endpointFor: EndpointDirectory;
  logger: Logger;
  /** Messages claimed per pass. Default 20. */
  batch?: number;
}

/** What one attempt came to. */
interface Outcome {
  delivered: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Delivers the outbox: every pass claims due messages (a short lease, so a second gateway process
 * or a crashed pass never sends one twice at once), POSTs each as JSON to its recipient's
 * endpoint with an Idempotency-Key (its id: delivery is at least once), and records the attempt,
 * the new state and an access-log entry in one transaction. A failure is retried after
 * backoffMs x 2^(n-1), at most maxBackoffMs, until maxAttempts; then the message is FAILED and
 * waits for a manager (retryNotification).
 */
export class NotificationDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass now (a pass already running is waited for instead of overlapped). */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = this.pass()
      .catch((error: Error) => this.options.logger.error('notification_dispatch_failed', { error: error.name, sqlState: (error as { code?: string }).code ?? null }))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const row of await this.claim(new Date())) {
      if (this.stopped) break;
      await this.deliver(row);
    }
  }

  /** Due messages, leased to this pass for longer than one delivery can take. */
  private async claim(now: Date): Promise<OnwardNotification[]> {
    const leaseMs = this.options.timeoutMs + 30_000;
    const ids: { id: string }[] = await this.options.hub.query(
      `WITH due AS (
         SELECT id FROM onward_notification
          WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
          ORDER BY due_at, next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       leased AS (UPDATE onward_notification o SET locked_until = $1::timestamptz + make_interval(secs => $3) FROM due WHERE o.id = due.id RETURNING o.id)
       SELECT id FROM leased`,
      [now, this.options.batch ?? 20, leaseMs / 1000],
    );
    if (ids.length === 0) return [];
    return this.options.hub.getRepository(OnwardNotification).find({ where: ids.map(({ id }) => ({ id })), order: { dueAt: 'ASC' } });
  }

  private async deliver(row: OnwardNotification): Promise<void> {
    const endpoint = row.recipientCode ? this.options.endpointFor(row.kind, row.recipientCode) : null;
    const outcome = endpoint ? await this.post(endpoint, row) : { delivered: false, httpStatus: null, error: OnwardNotificationProblem.NO_ENDPOINT, durationMs: 0 };
    await this.record(row, outcome, endpoint === null);
  }

  private async post(endpoint: string, row: OnwardNotification): Promise<Outcome> {
    const started = Date.now();
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': row.id },
        body: JSON.stringify(row.payload),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      await response.body?.cancel().catch(() => undefined);
      return { delivered: response.ok, httpStatus: response.status, error: null, durationMs: Date.now() - started };
    } catch (error) {
      return { delivered: false, httpStatus: null, error: (error as Error).name.slice(0, 64), durationMs: Date.now() - started };
    }
  }

  /** The attempt, the message's new state and the access-log entry, together. */
  private async record(row: OnwardNotification, outcome: Outcome, noEndpoint: boolean): Promise<void> {
    const now = new Date();
    const attempt = row.attempts + 1;
    const round = row.roundAttempts + 1;
    const exhausted = !outcome.delivered && round >= this.options.maxAttempts;
    const status = outcome.delivered ? OnwardNotificationStatus.DELIVERED : exhausted ? OnwardNotificationStatus.FAILED : OnwardNotificationStatus.RETRYING;
    const wait = Math.min(this.options.backoffMs * 2 ** (round - 1), this.options.maxBackoffMs);
    const problem = outcome.delivered ? null : noEndpoint ? OnwardNotificationProblem.NO_ENDPOINT : OnwardNotificationProblem.DELIVERY_FAILED;
    const said = outcome.httpStatus !== null ? `HTTP ${outcome.httpStatus}` : outcome.error ?? 'no answer';
    await this.options.hub.transaction(async (manager) => {
      await manager.insert(DeliveryAttempt, { outboxId: row.id, attempt, attemptedAt: now, outcome: outcome.delivered ? 'DELIVERED' : 'FAILED', httpStatus: outcome.httpStatus, error: outcome.error, durationMs: outcome.durationMs });
      await manager.update(OnwardNotification, { id: row.id }, {
        status,
        attempts: attempt,
        roundAttempts: round,
        lastAttemptAt: now,
        deliveredAt: outcome.delivered ? now : null,
        nextAttemptAt: status === OnwardNotificationStatus.RETRYING ? new Date(now.getTime() + wait) : null,
        lockedUntil: null,
        failureCode: problem,
        failureReason: problem === null ? null : noEndpoint
          ? `No delivery address is configured for ${row.recipientCode} (MASH_NOTIFICATION_ENDPOINTS_FILE)${exhausted ? '; gave up' : ''}`
          : `The recipient's system answered ${said} on attempt ${attempt}${exhausted ? `; gave up after ${round} attempts` : ''}`,
      });
      await this.options.audit.append(
        notificationEntry(DISPATCHER_ACTOR, OUTBOX_RULES.attempt, row.notificationId, `outbox=${row.id} attempt=${attempt} result=${outcome.delivered ? 'DELIVERED' : 'FAILED'} answer=${said.replace(/\s/g, '_')} status=${status}`),
        manager,
      );
    });
    this.options.logger.info('notification_attempt', { outboxId: row.id, attempt, status, httpStatus: outcome.httpStatus, error: outcome.error });
  }
}
