import type { ServerResponse } from 'node:http';
import os from 'node:os';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ConfigError, DURATION_BUCKETS, integer, type Logger } from '@mash/shared';

export interface InFlightOptions {
  /** GraphQL requests this gateway process works on at once (MASH_MAX_IN_FLIGHT); 0 turns the limit off. */
  max: number;
  /** How long a request may wait for its turn before it is answered 503 (MASH_QUEUE_TIMEOUT_MS). */
  queueTimeoutMs: number;
}

/**
 * Four times the cores this process may use, at least 8: enough to keep the cores busy while
 * requests wait on the agencies and the database, few enough that a request admitted runs at full
 * speed. Measured on 2 cores (five services and Postgres on the same machine), 2026-12-02: the
 * bench's triage comparison at concurrency 16 gave ours / plain throughput 1.008 and 0.978 with 8
 * against 0.848 and 0.899 with 4 (alternating runs); `npm run load` (32 connections) passed with
 * 8 at 76.6 req/s, p99 579 ms (4: 69.3 req/s, p99 595 ms an hour before). With no limit at all
 * the p99 had been 1,158 ms (2026-12-01), when the agencies cost about a third more per fetch.
 */
export const DEFAULT_IN_FLIGHT: Readonly<InFlightOptions> = { max: Math.max(8, 4 * os.availableParallelism()), queueTimeoutMs: 10_000 };

interface Waiter {
  requestId: string | null;
  since: number;
  timer: NodeJS.Timeout;
  admit: () => void;
  refuse: (error: GraphQLError) => void;
}

interface InFlightMetrics {
  waiting: Gauge;
  waited: Histogram;
  refused: Counter;
}

/**
 * At most `max` GraphQL requests worked on at once; the rest wait their turn, first come first
 * served. Every request in flight shares the same two or four cores with the agencies and the
 * databases it calls, so letting all of them in at once makes each one slower (and a heavy triage
 * read slowest of all) without answering more.
 *
 * A request takes its turn (`acquire`) after it is authenticated and admitted (rate limit, size),
 * as its context is built: a refusal never waits and never holds a place, and the per-user rate
 * counts each request when it arrives, not when its turn comes. It keeps its place until its
 * response is finished or its client goes away. One that waits longer than `queueTimeoutMs` is
 * refused 503 `OVERLOADED` with Retry-After before anything of it is read or decided; one whose
 * client goes away while waiting leaves the queue.
 */
export class InFlightLimit {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private readonly metrics?: InFlightMetrics;

  constructor(private readonly options: InFlightOptions, private readonly logger: Logger, registry?: Registry) {
    if (registry) {
      const registers = [registry];
      this.metrics = {
        waiting: new Gauge({
          name: 'mash_gateway_requests_waiting', help: 'GraphQL requests waiting for their turn (MASH_MAX_IN_FLIGHT are worked on at once)', registers,
          collect: () => this.metrics?.waiting.set(this.queue.length),
        }),
        waited: new Histogram({ name: 'mash_gateway_queue_wait_seconds', help: 'How long each GraphQL request admitted waited for its turn (0 when one was free at once)', buckets: DURATION_BUCKETS, registers }),
        refused: new Counter({ name: 'mash_gateway_requests_overloaded_total', help: 'GraphQL requests answered 503 OVERLOADED after waiting MASH_QUEUE_TIMEOUT_MS for their turn', registers }),
      };
    }
  }

  /** Requests being worked on now, and waiting. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  /**
   * Resolves when this request may be worked on; its place is given back when `res` closes
   * (answered, or the client gone). Rejects with an OVERLOADED error (HTTP 503, Retry-After) after
   * the queue timeout, or when the client went away while waiting. The caller's async context
   * (request id, trace) carries on after the await, whichever request's end let it in.
   */
  acquire(res: ServerResponse): Promise<void> {
    if (this.options.max <= 0) return Promise.resolve();
    const since = performance.now();
    if (this.active < this.options.max && this.queue.length === 0) {
      this.enter(res, since);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        requestId: String(res.getHeader('x-request-id') ?? '') || null,
        since,
        timer: setTimeout(() => this.timeOut(waiter), this.options.queueTimeoutMs),
        admit: () => {
          res.off('close', gone);
          this.enter(res, since);
          resolve();
        },
        refuse: reject,
      };
      // The client gave up (or its connection broke) while waiting: its turn goes to the next one.
      const gone = () => {
        if (this.leave(waiter)) reject(overloaded('the client went away while the request waited for its turn'));
      };
      res.once('close', gone);
      this.queue.push(waiter);
    });
  }

  private enter(res: ServerResponse, since: number): void {
    this.active += 1;
    this.metrics?.waited.observe((performance.now() - since) / 1000);
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      this.active -= 1;
      this.admitNext();
    };
    if (res.closed || res.destroyed) {
      release();
      return;
    }
    res.once('close', release);
  }

  private admitNext(): void {
    while (this.active < this.options.max && this.queue.length > 0) {
      const waiter = this.queue.shift()!;
      clearTimeout(waiter.timer);
      waiter.admit();
    }
  }

  private leave(waiter: Waiter): boolean {
    const at = this.queue.indexOf(waiter);
    if (at < 0) return false;
    this.queue.splice(at, 1);
    clearTimeout(waiter.timer);
    return true;
  }

  private timeOut(waiter: Waiter): void {
    if (!this.leave(waiter)) return;
    this.metrics?.refused.inc();
    this.logger.warn('request_overloaded', { requestId: waiter.requestId, waitedMs: Math.round(performance.now() - waiter.since), active: this.active, waiting: this.queue.length });
    const seconds = Math.round(this.options.queueTimeoutMs / 1000);
    waiter.refuse(overloaded(`it waited ${seconds} s for its turn (MASH_QUEUE_TIMEOUT_MS) behind ${this.active} being worked on (MASH_MAX_IN_FLIGHT)`));
  }
}

/** The 503 a request gets when its turn did not come: nothing of it was read or recorded. */
function overloaded(reason: string): GraphQLError {
  return new GraphQLError(`The hub is too busy to start this request: ${reason}. Nothing of it was read or recorded. Try again.`, {
    extensions: { code: 'OVERLOADED', http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) } },
  });
}

/** MASH_MAX_IN_FLIGHT and MASH_QUEUE_TIMEOUT_MS, or the defaults; a bad value is a ConfigError naming the variable. */
export function inFlightFromEnv(env: NodeJS.ProcessEnv = process.env): InFlightOptions {
  const max = integer('MASH_MAX_IN_FLIGHT', DEFAULT_IN_FLIGHT.max, env);
  if (max < 0) throw new ConfigError(`MASH_MAX_IN_FLIGHT must be 0 (no limit) or more, got "${max}"`);
  const queueTimeoutMs = integer('MASH_QUEUE_TIMEOUT_MS', DEFAULT_IN_FLIGHT.queueTimeoutMs, env);
  if (queueTimeoutMs < 1) throw new ConfigError(`MASH_QUEUE_TIMEOUT_MS must be 1 or more, got "${queueTimeoutMs}"`);
  return { max, queueTimeoutMs };
}
