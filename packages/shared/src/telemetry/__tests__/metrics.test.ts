import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ConfigError } from '../../config';
import { BoundedLabel, ServiceMetrics } from '../metrics';
import { listenMetrics, metricsConfigFromEnv, metricsRoute, type MetricsConfig } from '../metrics-http';

const TOKEN = 'a-scraper-token-of-32-characters';

describe('labels from outside', () => {
  it('keeps the first values up to the cap and counts the rest as the overflow value', () => {
    const label = new BoundedLabel(2);
    expect(['a', 'b', 'c', 'a', 'd', 'b'].map((value) => label.value(value))).toEqual(['a', 'b', 'other', 'a', 'other', 'b']);
  });

  it('names operations: anonymous, unknown, the planner suffix removed, capped', () => {
    const metrics = new ServiceMetrics({ service: 'test', processMetrics: false, maxOperations: 2 });
    expect(metrics.operation(null)).toBe('anonymous');
    expect(metrics.operation('')).toBe('anonymous');
    expect(metrics.operation(undefined)).toBe('unknown');
    expect(metrics.operation('TriageCase__social_care__2')).toBe('TriageCase');
    expect(metrics.operation('Smith, John 1980-01-01')).toBe('unknown');
    expect(metrics.operation('Second')).toBe('Second');
    expect(metrics.operation('Third')).toBe('other');
    expect(metrics.operation('TriageCase')).toBe('TriageCase');
  });

  it('keeps error codes that look like codes, and nothing else', () => {
    const metrics = new ServiceMetrics({ service: 'test', processMetrics: false });
    expect(metrics.errorCode('ISA_DENIED')).toBe('ISA_DENIED');
    expect(metrics.errorCode(undefined)).toBe('UNKNOWN');
    expect(metrics.errorCode('not a code: 999 000 0018')).toBe('OTHER');
  });

  it('gives each service its own registry, with its service label and no process metrics when asked', async () => {
    const one = new ServiceMetrics({ service: 'one', processMetrics: false });
    const two = new ServiceMetrics({ service: 'two' });
    one.graphqlRequests.inc({ operation: 'A', status: '200' });
    const [first, second] = await Promise.all([one.exposition(), two.exposition()]);
    expect(first.body).toContain('mash_graphql_requests_total{operation="A",status="200",service="one"} 1');
    expect(first.body).not.toContain('process_cpu');
    expect(second.body).not.toContain('operation="A"');
    expect(second.body).toContain('process_cpu_user_seconds_total{service="two"}');
  });
});

describe('metrics configuration', () => {
  it('reads the service port, the token and the cache, with defaults', () => {
    expect(metricsConfigFromEnv('POLICE_METRICS_PORT', {})).toEqual({ cacheSeconds: 15 });
    expect(metricsConfigFromEnv('POLICE_METRICS_PORT', { POLICE_METRICS_PORT: '9464', MASH_METRICS_TOKEN: TOKEN, MASH_METRICS_CACHE_SECONDS: '5', MASH_METRICS_HOST: '0.0.0.0' }))
      .toEqual({ port: 9464, token: TOKEN, cacheSeconds: 5, host: '0.0.0.0' });
  });

  it('fails fast naming the variable', () => {
    expect(() => metricsConfigFromEnv('GATEWAY_METRICS_PORT', { GATEWAY_METRICS_PORT: '70000' })).toThrow(/GATEWAY_METRICS_PORT/);
    expect(() => metricsConfigFromEnv('GATEWAY_METRICS_PORT', { MASH_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => metricsConfigFromEnv('GATEWAY_METRICS_PORT', { MASH_METRICS_CACHE_SECONDS: '-1' })).toThrow(/MASH_METRICS_CACHE_SECONDS/);
  });
});

describe('who may scrape', () => {
  const metrics = new ServiceMetrics({ service: 'test', processMetrics: false });
  const servers: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  async function appWith(config: MetricsConfig): Promise<string> {
    const app = express();
    app.get('/metrics', metricsRoute(metrics, config));
    app.use((_req, res) => void res.status(404).send('none'));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  }

  it('on the service port: loopback callers only, never through a proxy', async () => {
    const url = await appWith({ cacheSeconds: 15 });
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
    expect((await fetch(url, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(403);
  });

  it('with a token: only with the token, from any caller', async () => {
    const url = await appWith({ cacheSeconds: 15, token: TOKEN });
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
  });

  it('with a metrics port: not on the service port, and only /metrics on its own listener', async () => {
    const url = await appWith({ cacheSeconds: 15, port: 0 });
    expect((await fetch(url)).status).toBe(404);
    const listener = await listenMetrics(metrics, { cacheSeconds: 15, port: 0 }, '127.0.0.1');
    servers.push(listener);
    const scraped = await fetch(listener.url, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await scraped.text()).toContain('# TYPE mash_http_requests_total counter');
    expect((await fetch(listener.url.replace('/metrics', '/graphql'))).status).toBe(404);
    expect((await fetch(listener.url, { method: 'POST' })).status).toBe(405);
  });
});
