import express from 'express';
import type { DataSource } from 'typeorm';
import type { GrantIssuer, Logger, SignedCheckpoint } from '@mash/shared';
import type { UserVerifier } from '../auth/verify-user';
import { AuditDecision, AuditKind } from './audit-entry.entity';
import type { AuditLog } from './audit-log';

export interface AuditCheckpointerOptions {
  hub: DataSource;
  /** Signs with the gateway's grant key (`GrantIssuer.signCheckpoint`). */
  issuer: GrantIssuer;
  /** A new checkpoint this often, in ms; 0 signs only on demand. */
  intervalMs: number;
  logger: Logger;
}

/** What `/audit/checkpoint` answers: the signed token, and its claims for a human reader. */
export interface CheckpointBody {
  token: string;
  seq: string;
  hash: string;
  signedAt: string;
}

/**
 * Signs the access log's head (seq, hash, time) with the grant key at an interval and on demand.
 * The head alone lives in the hub's database, where a superuser could cut the log short, or
 * rewrite it and recompute every hash, and the chain would still verify; agencies fetch these
 * checkpoints and keep them in their own databases, and `npm run audit:verify` compares the hub's
 * chain with every one they hold (ARCHITECTURE.md "Audit and disclosure").
 */
export class AuditCheckpointer {
  private newest?: SignedCheckpoint;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: AuditCheckpointerOptions) {}

  /** The newest checkpoint this process signed, if any. */
  get latest(): SignedCheckpoint | undefined {
    return this.newest;
  }

  /** Signs the current head now; undefined while the log is empty. */
  async sign(): Promise<SignedCheckpoint | undefined> {
    const [head] = (await this.options.hub.query('SELECT seq::text AS seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: string }[];
    if (!head) return undefined;
    this.newest = await this.options.issuer.signCheckpoint(head);
    return this.newest;
  }

  start(): void {
    if (this.options.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.sign().catch((error: Error) => this.options.logger.error('checkpoint_failed', { error: error.name, sqlState: (error as { code?: string }).code ?? null }));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export interface CheckpointRoutesOptions {
  checkpoints: AuditCheckpointer;
  verifyUser: UserVerifier;
  audit: AuditLog;
  logger: Logger;
}

/**
 * `GET /audit/checkpoint`: the newest signed checkpoint, public. It is a sequence number, a hash
 * and a time, nothing personal, and agencies check its signature against keys they already hold,
 * so asking for no credential adds no risk and no secret to manage; it only reveals how many
 * entries the log has. Answered from memory: a caller cannot make the gateway read or sign.
 * `POST /audit/checkpoint`: a governance lead has a fresh one signed now (before a review, say);
 * the request is itself written to the access log first, so the checkpoint covers it.
 */
export function auditCheckpointRoutes(options: CheckpointRoutesOptions): express.Router {
  const router = express.Router();
  const send = (res: express.Response, checkpoint: SignedCheckpoint | undefined) => {
    res.set('cache-control', 'no-store');
    if (!checkpoint) return void res.status(503).json({ errors: [{ message: 'No checkpoint yet: the access log is empty', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    res.json({ token: checkpoint.token, seq: checkpoint.seq, hash: checkpoint.hash, signedAt: checkpoint.signedAt.toISOString() } satisfies CheckpointBody);
  };
  router.get('/', async (_req, res) => {
    try {
      send(res, options.checkpoints.latest ?? (await options.checkpoints.sign()));
    } catch (error) {
      options.logger.error('checkpoint_failed', { error: (error as Error).name });
      res.status(503).json({ errors: [{ message: 'The checkpoint could not be signed; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
  });
  router.post('/', async (req, res) => {
    let user;
    try {
      user = await options.verifyUser(req.get('authorization'));
    } catch {
      return void res.status(401).json({ errors: [{ message: 'Sign in with a governance token to have a checkpoint signed', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const allowed = user.roles.includes('governance');
    try {
      await options.audit.append({
        kind: AuditKind.AUDIT_READ, decision: allowed ? AuditDecision.ALLOWED : AuditDecision.DENIED, actorId: user.id, actorRoles: user.roles,
        organisation: user.organisation, rule: 'governance-role-required', reason: 'auditCheckpoint: sign the access log head now',
      });
    } catch (error) {
      options.logger.error('audit_append_failed', { error: (error as Error).name });
      return void res.status(503).json({ errors: [{ message: 'The access log could not record this request, so nothing was signed', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
    if (!allowed) return void res.status(403).json({ errors: [{ message: 'Only the governance role may have a checkpoint signed', extensions: { code: 'FORBIDDEN' } }] });
    try {
      send(res, await options.checkpoints.sign());
    } catch (error) {
      options.logger.error('checkpoint_failed', { error: (error as Error).name });
      res.status(503).json({ errors: [{ message: 'The checkpoint could not be signed; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
  });
  return router;
}
