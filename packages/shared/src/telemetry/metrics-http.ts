import { createHash, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { ConfigError, integer, optionalString } from '../config';
import type { Logger } from '../logger';
import type { ServiceMetrics } from './metrics';

/**
 * Who may read `/metrics`. It needs no user token (a scraper has none) but is never public:
 * - `port` set: served only on that port, its own listener, which the deployment exposes to the
 *   monitoring network alone (the service port then has no `/metrics`). The production choice.
 * - `port` unset: served on the service port to loopback peers only, and never to a request that
 *   came through a proxy (Forwarded / X-Forwarded-For), since a proxy on the same host makes a
 *   public caller look local.
 * - `token` set: a scrape must send `Authorization: Bearer <token>`, on either port, from any peer.
 */
export interface MetricsConfig {
  /** `<SERVICE>_METRICS_PORT` (GATEWAY_METRICS_PORT, POLICE_METRICS_PORT, ...). Default unset. */
  port?: number;
  /** `MASH_METRICS_HOST`: the metrics listener's address; default the service's host (`MASH_HOST`). */
  host?: string;
  /** `MASH_METRICS_TOKEN`: at least 16 characters. Default unset. */
  token?: string;
  /** `MASH_METRICS_CACHE_SECONDS` (default 15): how long gauges computed from the hub database on a scrape are reused. */
  cacheSeconds: number;
}

/** Reads the metrics settings; `portVariable` is the service's own (`GATEWAY_METRICS_PORT`, `POLICE_METRICS_PORT`). */
export function metricsConfigFromEnv(portVariable: string, env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const rawPort = optionalString(portVariable, env);
  const port = rawPort === undefined ? undefined : integer(portVariable, 0, env);
  if (port !== undefined && (port < 0 || port > 65535)) throw new ConfigError(`${portVariable} must be a port number (0-65535), got ${port}`);
  const token = optionalString('MASH_METRICS_TOKEN', env);
  if (token !== undefined && token.length < 16) throw new ConfigError('MASH_METRICS_TOKEN must be at least 16 characters');
  const cacheSeconds = integer('MASH_METRICS_CACHE_SECONDS', 15, env);
  if (cacheSeconds < 0) throw new ConfigError(`MASH_METRICS_CACHE_SECONDS must be 0 or more, got ${cacheSeconds}`);
  const host = optionalString('MASH_METRICS_HOST', env);
  return { ...(port !== undefined ? { port } : {}), ...(host ? { host } : {}), ...(token ? { token } : {}), cacheSeconds };
}

/** The routes a service mounts, so `route` stays a handful of values whatever paths are asked. */
const METHODS = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

/** Counts and times every HTTP request by the mount point it fell under (`other` for anything else). */
export function httpMetrics(metrics: ServiceMetrics, routes: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const path = req.originalUrl.split('?')[0];
      const route = routes.find((mount) => path === mount || path.startsWith(`${mount}/`)) ?? 'other';
      end({ route });
      metrics.httpRequests.inc({ route, method: METHODS.has(req.method) ? req.method : 'OTHER', status: String(res.statusCode) });
    });
    next();
  };
}

type Access = 'ok' | 'unauthorised' | 'forbidden';

function access(req: IncomingMessage, config: MetricsConfig, ownListener: boolean): Access {
  if (config.token) return bearerMatches(req.headers.authorization, config.token) ? 'ok' : 'unauthorised';
  if (ownListener) return 'ok';
  const proxied = req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined;
  return !proxied && isLoopback(req.socket.remoteAddress) ? 'ok' : 'forbidden';
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  if (!match) return false;
  // Digests of equal length, so the comparison's time says nothing about the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The `/metrics` handler (plain Node types, so Express and the metrics listener share it). */
export function metricsHandler(metrics: ServiceMetrics, config: MetricsConfig, options: { ownListener: boolean; logger?: Logger }) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const refuse = (status: number, message: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(`${message}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'GET /metrics', { Allow: 'GET, HEAD' });
    const allowed = access(req, config, options.ownListener);
    if (allowed === 'unauthorised') return refuse(401, 'A metrics token is required (Authorization: Bearer)', { 'WWW-Authenticate': 'Bearer' });
    if (allowed === 'forbidden') return refuse(403, 'Metrics are served to loopback callers only; set MASH_METRICS_TOKEN or a metrics port to scrape from elsewhere');
    metrics.exposition().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
      },
      (error: Error) => {
        options.logger?.error('metrics.failed', { error: error.name });
        refuse(500, 'The metrics could not be collected');
      },
    );
  };
}

/** Mounts `/metrics` on a service's own app unless a metrics port is configured (`listenMetrics` then). */
export function metricsRoute(metrics: ServiceMetrics, config: MetricsConfig | undefined, logger?: Logger): RequestHandler {
  const handler = metricsHandler(metrics, config ?? { cacheSeconds: 15 }, { ownListener: false, logger });
  return (req, res, next) => (config?.port !== undefined ? next() : handler(req, res));
}

export interface MetricsListener {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The metrics port's own listener: `GET /metrics`, 404 for anything else. */
export async function listenMetrics(metrics: ServiceMetrics, config: MetricsConfig & { port: number }, host: string, logger?: Logger): Promise<MetricsListener> {
  const handler = metricsHandler(metrics, config, { ownListener: true, logger });
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === '/metrics') return handler(req, res);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: GET /metrics\n');
  });
  const bindHost = config.host ?? host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, bindHost, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}/metrics`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
