import path from 'node:path';
import { AGENCIES, ConfigError, GRANT_PRIVATE_KEY_VARIABLE, boolean, dataDirectory, envPrefix, integer, metricsConfigFromEnv, optionalString, referenceDateFromEnv, type AgencyName, type MetricsConfig } from '@mash/shared';
import { agencyTransportFromEnv, type AgencyTransportConfig } from './agency-transport';
import { alertConfigFromEnv, type AlertConfig } from './alerts/config';
import { userAuthConfigFromEnv, type UserAuthConfig } from './auth/auth-config';
import { inFlightFromEnv, type InFlightOptions } from './limits/in-flight';
import { requestLimitsFromEnv, type RequestLimits } from './limits/limits';
import { notificationConfigFromEnv, type NotificationConfig } from './notifications/config';
import { webConfigFromEnv, type WebConfig } from './web/web-config';

export interface GatewayConfig {
  port: number;
  /** "Today" for the case picture's ages (`MASH_REFERENCE_DATE`, the agencies' variable); null: the real date of each request. */
  referenceDate?: string | null;
  host: string;
  /**
   * NODE_ENV=production: no introspection, field suggestions or landing page; unexpected errors
   * answered without their message; user tokens must carry `iat`. Refuses demo mode and starts
   * only with configured keys.
   */
  production: boolean;
  /** Development tokens and generated keys; never in production. */
  demoMode: boolean;
  dataDir: string;
  hubDatabaseUrl?: string;
  agencyUrls: Record<AgencyName, string>;
  /** Bounded wait for an agency; past it the agency's field is AGENCY_UNAVAILABLE. */
  agencyTimeoutMs: number;
  auth: UserAuthConfig;
  seedPeople: number;
  seed: boolean;
  supergraphPath: string;
  /** Grant signing key: `MASH_GRANT_PRIVATE_KEY` (PKCS8 PEM), or generated under `.data/keys/` in demo mode. */
  grantKey: { privateKeyPem?: string; keyFile?: string; generate: boolean };
  /** Issuer (`iss`) of grants; agencies expect the same value. */
  grantIssuer: string;
  /** What one request may ask (depth, aliases, tokens, directives, cost, subjects, rate). */
  limits: RequestLimits;
  /** GraphQL requests worked on at once and how long others wait their turn (`MASH_MAX_IN_FLIGHT`, `MASH_QUEUE_TIMEOUT_MS`); unset, the defaults. */
  inFlight?: InFlightOptions;
  /** TLS towards agencies (`MASH_AGENCY_CA_FILE`, `MASH_AGENCY_CLIENT_CERT_FILE`, `MASH_AGENCY_CLIENT_KEY_FILE`); unset, Node's defaults. */
  agencyTransport?: AgencyTransportConfig;
  /** `MASH_AUDIT_CHECKPOINT_INTERVAL_SECONDS`: how often the access log's head is signed (default 60; 0: only on demand). */
  checkpointIntervalSeconds?: number;
  /** Onward notifications (`MASH_NOTIFICATION_*`): delivery loop, retries, recipients' endpoints. Unset: this process delivers nothing (another may). */
  notifications?: NotificationConfig;
  /** Alerts for governance review (`MASH_ALERT_*`): scan interval, agencies' disclosure logs. Unset: no periodic scan here (scanGovernanceAlerts still scans). */
  alerts?: AlertConfig;
  /** Who may scrape `/metrics` (`GATEWAY_METRICS_PORT`, `MASH_METRICS_TOKEN`, `MASH_METRICS_HOST`) and the hub gauges' cache (`MASH_METRICS_CACHE_SECONDS`). Unset: loopback only, 15 s. */
  metrics?: MetricsConfig;
  /** The screens at /app/ (`MASH_WEB_DIR`) and OpenID Connect sign-in (`MASH_OIDC_*`). Unset: web/dist, demo sign-in only in demo mode. */
  web?: WebConfig;
}

const DEFAULT_PORTS: Record<AgencyName, number> = { police: 4001, 'social-care': 4002, health: 4003, education: 4004 };

/** Reads the gateway's settings once; a missing or malformed one stops start-up naming the variable. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const demoMode = boolean('MASH_DEMO_MODE', false, env);
  const production = env.NODE_ENV === 'production';
  if (production && demoMode) {
    throw new ConfigError('MASH_DEMO_MODE=true cannot be used with NODE_ENV=production: demo tokens and generated keys are for development only');
  }
  if (production && !optionalString(GRANT_PRIVATE_KEY_VARIABLE, env)) {
    throw new ConfigError(`${GRANT_PRIVATE_KEY_VARIABLE} is required when NODE_ENV=production: the gateway never generates its grant signing key there`);
  }
  const dataDir = dataDirectory(env);
  const agencyUrls = Object.fromEntries(
    AGENCIES.map((agency) => [agency, optionalString(`${envPrefix(agency)}_URL`, env) ?? `http://127.0.0.1:${DEFAULT_PORTS[agency]}/graphql`]),
  ) as Record<AgencyName, string>;
  return {
    referenceDate: referenceDateFromEnv(env).fixed,
    port: integer('GATEWAY_PORT', 4000, env),
    production,
    host: optionalString('MASH_HOST', env) ?? '127.0.0.1',
    demoMode,
    dataDir,
    hubDatabaseUrl: optionalString('HUB_DATABASE_URL', env),
    agencyUrls,
    agencyTimeoutMs: integer('AGENCY_TIMEOUT_MS', 5000, env),
    // Without demo mode there is no demo key: AUTH_JWKS_URL or AUTH_PUBLIC_KEY is then required.
    auth: userAuthConfigFromEnv(demoMode ? path.join(dataDir, 'keys', 'demo-user-issuer.jwk.json') : null, env, { production }),
    seedPeople: integer('MASH_SEED_PEOPLE', 2000, env),
    seed: boolean('MASH_SEED', true, env),
    supergraphPath: optionalString('SUPERGRAPH_PATH', env) ?? path.resolve(__dirname, '../supergraph.graphql'),
    grantKey: {
      privateKeyPem: optionalString(GRANT_PRIVATE_KEY_VARIABLE, env),
      keyFile: path.join(dataDir, 'keys', 'grant-signing-key.pem'),
      generate: demoMode,
    },
    grantIssuer: optionalString('MASH_GRANT_ISSUER', env) ?? 'mash-gateway',
    limits: requestLimitsFromEnv(env),
    inFlight: inFlightFromEnv(env),
    agencyTransport: agencyTransportFromEnv(agencyUrls, production, env),
    checkpointIntervalSeconds: integer('MASH_AUDIT_CHECKPOINT_INTERVAL_SECONDS', 60, env),
    notifications: notificationConfigFromEnv(env, { production }),
    alerts: alertConfigFromEnv(env),
    metrics: metricsConfigFromEnv('GATEWAY_METRICS_PORT', env),
    web: webConfigFromEnv(env),
  };
}
