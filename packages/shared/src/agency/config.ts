import path from 'node:path';
import { boolean, ConfigError, dataDirectory, decimal, envPrefix, integer, optionalString } from '../config';
import { DEFAULT_GRANT_ISSUER } from '../grants/claims';
import { DEFAULT_THRESHOLDS } from '../matching/model';
import type { MatchThresholds } from '../matching/types';
import type { AgencyName } from '../synthetic/types';
import { metricsConfigFromEnv, type MetricsConfig } from '../telemetry/metrics-http';
import { secureUrl } from '../tls';
import { referenceDateFromEnv, type ReferenceDate } from './reference-date';
import { agencyTlsFromEnv, type AgencyTlsFiles } from './tls';

/** Where an agency finds the gateway's public grant keys. */
export type GatewayKeySource =
  /** Fetched (and refetched on an unknown key id) from the gateway's JWKS address. */
  | { jwksUrl: string }
  /** Pinned: a JWKS or a single public key (PEM or JWK) in a file the agency's team installed. */
  | { keyFile: string };

/** One agency service's settings, read from the environment once at start (fail fast, naming the variable). */
export interface AgencyConfig {
  agency: AgencyName;
  /** `<AGENCY>_PORT`; default 4001-4004. */
  port: number;
  /** `MASH_HOST`; default 127.0.0.1. */
  host: string;
  /** `<AGENCY>_DATABASE_URL`: server Postgres; unset, embedded PGlite under `embeddedPath`. */
  databaseUrl?: string;
  embeddedPath: string;
  /** `<AGENCY>_MATCH_THRESHOLD` (default 0.95) and `<AGENCY>_POSSIBLE_THRESHOLD` (default 0.6). */
  thresholds: MatchThresholds;
  /** `MASH_REFERENCE_DATE`: "today" for windows and ages; default the real date. */
  referenceDate: ReferenceDate;
  /** `MASH_SEED` (default true): the demo seed on first run; `MASH_SEED_PEOPLE` (default 2000) its size. */
  seed: { enabled: boolean; people: number };
  /** `MASH_GRANT_ISSUER`: the `iss` grants must carry; default `mash-gateway`. */
  grantIssuer: string;
  /**
   * `MASH_GATEWAY_JWKS_FILE` (pinned, preferred in production) or `MASH_GATEWAY_JWKS_URL` (default
   * the local gateway's JWKS; https in production unless loopback).
   */
  gatewayKeys: GatewayKeySource;
  /** `MASH_GATEWAY_CA_FILE`: the CA trusted for the gateway's https addresses (keys, checkpoints); default the system's. */
  gatewayCaFile?: string;
  /** `<AGENCY>_TLS_CERT_FILE`, `<AGENCY>_TLS_KEY_FILE` (and `<AGENCY>_TLS_CLIENT_CA_FILE` for mutual TLS): listen with TLS. Unset: plain HTTP. */
  tls?: AgencyTlsFiles;
  /** NODE_ENV=production: the gateway's key address must be https (or loopback). */
  production: boolean;
  /**
   * The background task keeping the gateway's signed checkpoints of the hub's access log:
   * `MASH_CHECKPOINTS` (default true), `MASH_CHECKPOINT_INTERVAL_SECONDS` (default 60) and
   * `MASH_GATEWAY_CHECKPOINT_URL` (default the local gateway's `/audit/checkpoint`; https in production unless loopback).
   */
  checkpoints: { enabled: boolean; url: string; intervalMs: number };
  /** `<AGENCY>_METRICS_PORT`, `MASH_METRICS_HOST`, `MASH_METRICS_TOKEN`: who may scrape `/metrics` (telemetry/metrics-http.ts). */
  metrics: MetricsConfig;
}

const DEFAULT_JWKS_URL = 'http://127.0.0.1:4000/.well-known/jwks.json';
const DEFAULT_CHECKPOINT_URL = 'http://127.0.0.1:4000/audit/checkpoint';

function positiveSeconds(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const seconds = integer(name, fallback, env);
  if (seconds < 1) throw new ConfigError(`${name} must be at least 1 (seconds), got ${seconds}`);
  return seconds;
}

export function agencyConfigFromEnv(agency: AgencyName, defaultPort: number, env: NodeJS.ProcessEnv = process.env): AgencyConfig {
  const prefix = envPrefix(agency);
  const keyFile = optionalString('MASH_GATEWAY_JWKS_FILE', env);
  const production = env.NODE_ENV === 'production';
  const gatewayCaFile = optionalString('MASH_GATEWAY_CA_FILE', env);
  const tls = agencyTlsFromEnv(agency, env);
  return {
    agency,
    port: integer(`${prefix}_PORT`, defaultPort, env),
    host: optionalString('MASH_HOST', env) ?? '127.0.0.1',
    databaseUrl: optionalString(`${prefix}_DATABASE_URL`, env),
    embeddedPath: path.join(dataDirectory(env), agency),
    thresholds: matchThresholdsFromEnv(agency, env),
    referenceDate: referenceDateFromEnv(env),
    seed: { enabled: boolean('MASH_SEED', true, env), people: integer('MASH_SEED_PEOPLE', 2000, env) },
    grantIssuer: optionalString('MASH_GRANT_ISSUER', env) ?? DEFAULT_GRANT_ISSUER,
    gatewayKeys: keyFile
      ? { keyFile: path.resolve(keyFile) }
      : { jwksUrl: secureUrl(optionalString('MASH_GATEWAY_JWKS_URL', env) ?? DEFAULT_JWKS_URL, 'MASH_GATEWAY_JWKS_URL', production) },
    ...(gatewayCaFile ? { gatewayCaFile: path.resolve(gatewayCaFile) } : {}),
    ...(tls ? { tls } : {}),
    production,
    checkpoints: {
      enabled: boolean('MASH_CHECKPOINTS', true, env),
      url: secureUrl(optionalString('MASH_GATEWAY_CHECKPOINT_URL', env) ?? DEFAULT_CHECKPOINT_URL, 'MASH_GATEWAY_CHECKPOINT_URL', production),
      intervalMs: positiveSeconds('MASH_CHECKPOINT_INTERVAL_SECONDS', 60, env) * 1000,
    },
    metrics: metricsConfigFromEnv(`${prefix}_METRICS_PORT`, env),
  };
}

/** Match thresholds for an agency, checked to make sense: 0 < possible <= match <= 1. */
export function matchThresholdsFromEnv(agency: AgencyName, env: NodeJS.ProcessEnv = process.env): MatchThresholds {
  const prefix = envPrefix(agency);
  const match = decimal(`${prefix}_MATCH_THRESHOLD`, DEFAULT_THRESHOLDS.match, env);
  const possible = decimal(`${prefix}_POSSIBLE_THRESHOLD`, DEFAULT_THRESHOLDS.possible, env);
  if (!(possible > 0 && possible <= match && match <= 1)) {
    throw new ConfigError(`${prefix}_POSSIBLE_THRESHOLD must be above 0 and at most ${prefix}_MATCH_THRESHOLD, which must be at most 1`);
  }
  return { match, possible };
}
