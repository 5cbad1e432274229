import { verifyCheckpoint, type SignedCheckpoint } from '../audit/checkpoint';
import type { KeySource } from '../grants/verifier';
import type { Logger } from '../logger';
import type { Dispatcher } from '../tls';
import type { AgencyStore } from './store';

export interface CheckpointFetchOptions {
  /** The gateway's checkpoint address (`MASH_GATEWAY_CHECKPOINT_URL`). */
  url: string;
  store: AgencyStore;
  /** The gateway's public keys, as the grant verifier holds them (`GrantVerifier.keys`). */
  keys: KeySource;
  /** `iss` the gateway signs with (`MASH_GRANT_ISSUER`). */
  issuer: string;
  dispatcher?: Dispatcher;
  /** Longest wait for the gateway. Default 5 s. */
  timeoutMs?: number;
}

const KEEP = `INSERT INTO audit_checkpoint (seq, hash, signed_at, token) VALUES ($1, $2, $3, $4) ON CONFLICT (seq, hash) DO NOTHING`;

/**
 * Fetches the gateway's newest signed checkpoint of the hub's access-log head, checks the signature
 * against the gateway's keys and keeps it in this agency's database (once per distinct head).
 * Public and unauthenticated by design: a checkpoint is a sequence number, a hash and a time, and
 * its signature, not the channel, is what makes it worth keeping.
 */
export async function fetchCheckpoint(options: CheckpointFetchOptions): Promise<SignedCheckpoint> {
  const response = await fetch(options.url, {
    signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    headers: { accept: 'application/json' },
    redirect: 'error',
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  } as RequestInit);
  if (!response.ok) throw new Error(`the gateway answered HTTP ${response.status}`);
  const { token } = (await response.json()) as { token?: unknown };
  if (typeof token !== 'string') throw new Error('the gateway sent no checkpoint token');
  const checkpoint = await verifyCheckpoint(token, options.keys, options.issuer);
  await options.store.query(KEEP, [checkpoint.seq, checkpoint.hash, checkpoint.signedAt, checkpoint.token]);
  return checkpoint;
}

export interface CheckpointFetcher {
  stop(): void;
}

/**
 * The agency's background task: a checkpoint every `intervalMs`, the first after `initialDelayMs`
 * (the gateway may still be starting). A failure is logged and tried again at the next tick; it
 * never stops the agency answering.
 */
export function startCheckpointFetcher(options: CheckpointFetchOptions & { intervalMs: number; initialDelayMs?: number; logger: Logger }): CheckpointFetcher {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const checkpoint = await fetchCheckpoint(options);
      options.logger.info('checkpoint.kept', { seq: checkpoint.seq, signedAt: checkpoint.signedAt.toISOString() });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      options.logger.warn('checkpoint.failed', { url: options.url, error: (error as Error).name, code: (error as { code?: string }).code ?? cause?.code ?? null });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.initialDelayMs ?? 5_000);
  const every = setInterval(() => void tick(), options.intervalMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
