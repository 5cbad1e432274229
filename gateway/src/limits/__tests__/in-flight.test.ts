import os from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLError } from 'graphql';
import { Registry } from 'prom-client';
import { currentRequestId, requestIdMiddleware, type Logger } from '@mash/shared';
import { formatGatewayError } from '../../errors/format-error';
import { InFlightLimit, inFlightFromEnv } from '../in-flight';

const warnings: Array<Record<string, unknown>> = [];
const logger: Logger = { info: () => undefined, warn: (_event, fields) => void warnings.push(fields ?? {}), error: () => undefined };

/** An app whose /graphql handler holds every request until the test releases it, in order of arrival at the handler. */
async function held(max: number, queueTimeoutMs = 5_000) {
  const registry = new Registry();
  const limit = new InFlightLimit({ max, queueTimeoutMs }, logger, registry);
  const started: string[] = [];
  const waiting: Array<() => void> = [];
  const app = express();
  // As the gateway's context function does: take the turn, then work; a refusal is answered as Apollo answers it.
  app.use('/graphql', requestIdMiddleware(), async (req, res) => {
    const name = String(req.query.name);
    try {
      await limit.acquire(res);
    } catch (error) {
      const refusal = error as GraphQLError;
      const http = refusal.extensions.http as { status: number; headers: Map<string, string> };
      if (!res.destroyed) res.status(http.status).set(Object.fromEntries(http.headers)).json({ errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
      return;
    }
    started.push(name);
    // The request id seen here is this request's own, even when its turn came in another's callback.
    const sameRequestId = currentRequestId() === res.getHeader('x-request-id');
    waiting.push(() => res.json({ name, sameRequestId }));
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const send = (name: string, signal?: AbortSignal) => fetch(`${base}/graphql?name=${name}`, { signal });
  const until = async (condition: () => boolean) => {
    for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(condition()).toBe(true);
  };
  const releaseOne = () => waiting.shift()!();
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { limit, registry, started, send, until, releaseOne, close };
}

describe('InFlightLimit', () => {
  it('works on at most `max` at once and lets the rest in first come, first served, each in its own request context', async () => {
    const app = await held(2);
    try {
      const answers = ['a', 'b', 'c', 'd', 'e'].map((name, index) => new Promise<Response>((resolve) => setTimeout(() => resolve(app.send(name)), index * 20)));
      await app.until(() => app.limit.load.waiting === 3);
      expect(app.started).toEqual(['a', 'b']);
      expect(app.limit.load.active).toBe(2);
      app.releaseOne();
      await app.until(() => app.started.length === 3);
      expect(app.started).toEqual(['a', 'b', 'c']);
      expect(app.limit.load).toEqual({ active: 2, waiting: 2 });
      for (const name of ['d', 'e']) {
        app.releaseOne();
        await app.until(() => app.started.includes(name));
      }
      app.releaseOne();
      app.releaseOne();
      const bodies = await Promise.all((await Promise.all(answers)).map((answer) => answer.json()));
      expect(bodies.map((body: any) => body.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(bodies.every((body: any) => body.sameRequestId)).toBe(true);
      expect(app.started).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(app.limit.load).toEqual({ active: 0, waiting: 0 });
      // Every request admitted is counted; the three that waited are above the smallest bucket.
      const waited = await app.registry.getSingleMetricAsString('mash_gateway_queue_wait_seconds');
      expect(waited).toMatch(/mash_gateway_queue_wait_seconds_count 5\b/);
      expect(waited).toMatch(/mash_gateway_queue_wait_seconds_bucket\{le="0\.005"\} 2\b/);
    } finally {
      await app.close();
    }
  });

  it('answers 503 OVERLOADED with Retry-After to a request that waited past the queue timeout, and nothing of it runs', async () => {
    const app = await held(1, 200);
    try {
      const first = app.send('first');
      await app.until(() => app.started.length === 1);
      const late = await app.send('late');
      expect(late.status).toBe(503);
      expect(late.headers.get('retry-after')).toBe('1');
      const body = (await late.json()) as any;
      expect(body.errors[0].extensions.code).toBe('OVERLOADED');
      expect(body.errors[0].message).toMatch(/MASH_QUEUE_TIMEOUT_MS/);
      expect(app.started).toEqual(['first']);
      expect(warnings.at(-1)).toMatchObject({ requestId: late.headers.get('x-request-id') });
      expect(await app.registry.getSingleMetricAsString('mash_gateway_requests_overloaded_total')).toMatch(/ 1$/m);
      app.releaseOne();
      expect((await first).status).toBe(200);
      await app.until(() => app.limit.load.active === 0);
    } finally {
      await app.close();
    }
  });

  it('gives the turn of a client that went away while waiting to the next one', async () => {
    const app = await held(1);
    try {
      const first = app.send('first');
      await app.until(() => app.started.length === 1);
      const gone = new AbortController();
      const abandoned = app.send('gone', gone.signal).catch((error: Error) => error.name);
      await app.until(() => app.limit.load.waiting === 1);
      const next = app.send('next');
      await app.until(() => app.limit.load.waiting === 2);
      gone.abort();
      expect(await abandoned).toBe('AbortError');
      await app.until(() => app.limit.load.waiting === 1);
      app.releaseOne();
      await app.until(() => app.started.length === 2);
      expect(app.started).toEqual(['first', 'next']);
      app.releaseOne();
      expect(((await (await next).json()) as any).name).toBe('next');
      expect((await first).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('lets everything in at once when turned off (0)', async () => {
    const app = await held(0);
    try {
      const answers = ['a', 'b', 'c'].map((name) => app.send(name));
      await app.until(() => app.started.length === 3);
      expect(app.limit.load.waiting).toBe(0);
      for (let i = 0; i < 3; i += 1) app.releaseOne();
      expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([200, 200, 200]);
    } finally {
      await app.close();
    }
  });
});

describe('InFlightLimit in an Apollo context function', () => {
  it('answers a request whose turn did not come 503 OVERLOADED with Retry-After, through formatError, without running it', async () => {
    const limit = new InFlightLimit({ max: 1, queueTimeoutMs: 150 }, logger);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let resolved = 0;
    const server = new ApolloServer<{ requestId: unknown }>({
      typeDefs: 'type Query { hold: String }',
      resolvers: { Query: { hold: async () => { resolved += 1; await held; return 'done'; } } },
      formatError: formatGatewayError({ production: true, logger }),
    });
    await server.start();
    const app = express();
    app.use('/graphql', requestIdMiddleware(), express.json(), expressMiddleware(server, {
      context: async ({ res }) => {
        await limit.acquire(res);
        return { requestId: res.getHeader('x-request-id') };
      },
    }));
    const listener = http.createServer(app);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/graphql`;
    const ask = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hold }' }) });
    try {
      const first = ask();
      for (let tries = 0; tries < 200 && resolved === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const late = await ask();
      expect(late.status).toBe(503);
      expect(late.headers.get('retry-after')).toBe('1');
      const body = (await late.json()) as any;
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'OVERLOADED' });
      expect(body.errors[0].message).toMatch(/too busy.*MASH_QUEUE_TIMEOUT_MS.*Nothing of it was read or recorded/);
      expect(resolved).toBe(1);
      release();
      expect(((await (await first).json()) as any).data).toEqual({ hold: 'done' });
      expect(limit.load).toEqual({ active: 0, waiting: 0 });
    } finally {
      release();
      await server.stop();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});

describe('inFlightFromEnv', () => {
  it('reads MASH_MAX_IN_FLIGHT and MASH_QUEUE_TIMEOUT_MS, defaulting to four times the cores (at least 8) and 10 s', () => {
    expect(inFlightFromEnv({ MASH_MAX_IN_FLIGHT: '12', MASH_QUEUE_TIMEOUT_MS: '2500' })).toEqual({ max: 12, queueTimeoutMs: 2500 });
    expect(inFlightFromEnv({ MASH_MAX_IN_FLIGHT: '0' }).max).toBe(0);
    const defaults = inFlightFromEnv({});
    expect(defaults.max).toBe(Math.max(8, 4 * os.availableParallelism()));
    expect(defaults.queueTimeoutMs).toBe(10_000);
  });

  it.each([
    [{ MASH_MAX_IN_FLIGHT: 'many' }, /MASH_MAX_IN_FLIGHT/],
    [{ MASH_MAX_IN_FLIGHT: '-1' }, /MASH_MAX_IN_FLIGHT/],
    [{ MASH_QUEUE_TIMEOUT_MS: '0' }, /MASH_QUEUE_TIMEOUT_MS/],
    [{ MASH_QUEUE_TIMEOUT_MS: '1.5' }, /MASH_QUEUE_TIMEOUT_MS/],
  ])('refuses %j naming the variable', (env, named) => {
    expect(() => inFlightFromEnv(env)).toThrow(named);
  });
});
