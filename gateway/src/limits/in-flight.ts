import { AsyncResource } from 'node:async_hooks';
import os from 'node:os';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ConfigError, DURATION_BUCKETS, integer, type Logger } from '@mash/shared';

export interface InFlightOptions {
  /** GraphQL requests this gateway process works on at once (MASH_MAX_IN_FLIGHT); 0 turns the limit off. */
  max: number;
  /** How long a request may wait for its turn before it is answered 503 (MASH_QUEUE_TIMEOUT_MS). */
  queueTimeoutMs: number;
}

/**
 * Twice the cores this process may use, at least 4: enough to keep the cores busy while requests
 * wait on the agencies and the database, few enough that a request admitted runs at full speed.
 * Measured with `npm run load` (32 connections, five services and Postgres on 2 cores): p99 1,158 ms
 * with no limit, 822 ms with 4, in runs minutes apart.
 */
export const DEFAULT_IN_FLIGHT: Readonly<InFlightOptions> = { max: Math.max(4, 2 * os.availableParallelism()), queueTimeoutMs: 10_000 };

interface Waiter {
  res: Response;
  next: NextFunction;
  since: number;
  timer: NodeJS.Timeout;
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
 * read slowest of all) without answering more. A request that waits longer than `queueTimeoutMs` is
 * answered 503 `OVERLOADED` with Retry-After, before anything of it is read or decided; one whose
 * client goes away while waiting is dropped from the queue. Health, readiness and metrics never wait.
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

  readonly middleware: RequestHandler = (_req: Request, res: Response, next: NextFunction) => {
    if (this.options.max <= 0) return next();
    if (this.active < this.options.max) return this.enter(res, next, performance.now());
    // Its turn comes in another request's callback: `next` keeps this request's own async context (request id, trace).
    const waiter: Waiter = { res, next: AsyncResource.bind(next), since: performance.now(), timer: setTimeout(() => this.refuse(waiter), this.options.queueTimeoutMs) };
    this.queue.push(waiter);
    // The client gave up (or its connection broke) while waiting: its turn goes to the next one.
    res.once('close', () => this.leave(waiter));
  };

  private enter(res: Response, next: NextFunction, since: number): void {
    this.active += 1;
    this.metrics?.waited.observe((performance.now() - since) / 1000);
    let done = false;
    res.once('close', () => {
      if (done) return;
      done = true;
      this.active -= 1;
      this.admitNext();
    });
    next();
  }

  private admitNext(): void {
    while (this.active < this.options.max && this.queue.length > 0) {
      const waiter = this.queue.shift()!;
      clearTimeout(waiter.timer);
      if (waiter.res.writableEnded || waiter.res.destroyed) continue;
      this.enter(waiter.res, waiter.next, waiter.since);
    }
  }

  private leave(waiter: Waiter): void {
    const at = this.queue.indexOf(waiter);
    if (at < 0) return;
    this.queue.splice(at, 1);
    clearTimeout(waiter.timer);
  }

  private refuse(waiter: Waiter): void {
    this.leave(waiter);
    this.metrics?.refused.inc();
    const seconds = Math.round(this.options.queueTimeoutMs / 1000);
    this.logger.warn('request_overloaded', { requestId: waiter.res.getHeader('x-request-id'), waitedMs: Math.round(performance.now() - waiter.since), active: this.active, waiting: this.queue.length });
    waiter.res.status(503).set('retry-after', '1').json({
      errors: [{
        message: `The hub is too busy to start this request: it waited ${seconds} s for its turn (MASH_QUEUE_TIMEOUT_MS) behind ${this.active} being worked on (MASH_MAX_IN_FLIGHT). Nothing of it was read or recorded. Try again.`,
        extensions: { code: 'OVERLOADED' },
      }],
    });
  }
}

/** MASH_MAX_IN_FLIGHT and MASH_QUEUE_TIMEOUT_MS, or the defaults; a bad value is a ConfigError naming the variable. */
export function inFlightFromEnv(env: NodeJS.ProcessEnv = process.env): InFlightOptions {
  const max = integer('MASH_MAX_IN_FLIGHT', DEFAULT_IN_FLIGHT.max, env);
  if (max < 0) throw new ConfigError(`MASH_MAX_IN_FLIGHT must be 0 (no limit) or more, got "${max}"`);
  const queueTimeoutMs = integer('MASH_QUEUE_TIMEOUT_MS', DEFAULT_IN_FLIGHT.queueTimeoutMs, env);
  if (queueTimeoutMs < 1) throw new ConfigError(`MASH_QUEUE_TIMEOUT_MS must be 1 or more, got "${queueTimeoutMs}"`);
  return { max, queueTimeoutMs };
}
