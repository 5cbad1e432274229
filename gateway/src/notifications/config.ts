import fs from 'node:fs';
import { boolean, ConfigError, integer, isLoopbackUrl, optionalString } from '@mash/shared';

/** Where and how onward notifications are delivered (README "Configuration"). */
export interface NotificationConfig {
  /** Run the delivery loop in this process (`MASH_NOTIFICATION_DISPATCH`, default true). Several processes may: each claims rows before sending. */
  dispatch: boolean;
  /** How often the outbox is looked at (`MASH_NOTIFICATION_INTERVAL_SECONDS`, default 15). */
  intervalMs: number;
  /** Attempts before a message is FAILED (`MASH_NOTIFICATION_MAX_ATTEMPTS`, default 8). */
  maxAttempts: number;
  /** The first retry's wait; each retry doubles it (`MASH_NOTIFICATION_BACKOFF_SECONDS`, default 30). */
  backoffMs: number;
  /** The longest wait between attempts (`MASH_NOTIFICATION_MAX_BACKOFF_SECONDS`, default 3600). */
  maxBackoffMs: number;
  /** One delivery's bounded wait (`MASH_NOTIFICATION_TIMEOUT_MS`, default 10000). */
  timeoutMs: number;
  /** Per school URN and GP practice ODS code, where to POST (`MASH_NOTIFICATION_ENDPOINTS_FILE`). */
  endpoints: RecipientEndpoints;
  /** For a recipient the file does not name (`MASH_NOTIFICATION_DEFAULT_ENDPOINT`); unset in demo mode: the gateway's own demo inbox; otherwise none (NO_ENDPOINT). */
  defaultEndpoint: string | null;
}

export interface RecipientEndpoints {
  schools: Record<string, string>;
  gpPractices: Record<string, string>;
}

export const NOTIFICATION_DEFAULTS: NotificationConfig = {
  dispatch: true,
  intervalMs: 15_000,
  maxAttempts: 8,
  backoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  timeoutMs: 10_000,
  endpoints: { schools: {}, gpPractices: {} },
  defaultEndpoint: null,
};

const URN = /^\d{6}$/;
const ODS_CODE = /^[A-Z0-9]{3,8}$/;

/** Reads the delivery settings once; a bad value stops start-up naming the variable. */
export function notificationConfigFromEnv(env: NodeJS.ProcessEnv, options: { production: boolean }): NotificationConfig {
  const positive = (name: string, fallback: number, min = 1) => {
    const value = integer(name, fallback, env);
    if (value < min) throw new ConfigError(`${name} must be at least ${min}, got ${value}`);
    return value;
  };
  const file = optionalString('MASH_NOTIFICATION_ENDPOINTS_FILE', env);
  const defaultEndpoint = optionalString('MASH_NOTIFICATION_DEFAULT_ENDPOINT', env) ?? null;
  if (defaultEndpoint) checkUrl('MASH_NOTIFICATION_DEFAULT_ENDPOINT', defaultEndpoint, options.production);
  return {
    dispatch: boolean('MASH_NOTIFICATION_DISPATCH', true, env),
    intervalMs: positive('MASH_NOTIFICATION_INTERVAL_SECONDS', 15) * 1000,
    maxAttempts: positive('MASH_NOTIFICATION_MAX_ATTEMPTS', 8),
    backoffMs: positive('MASH_NOTIFICATION_BACKOFF_SECONDS', 30) * 1000,
    maxBackoffMs: positive('MASH_NOTIFICATION_MAX_BACKOFF_SECONDS', 3600) * 1000,
    timeoutMs: positive('MASH_NOTIFICATION_TIMEOUT_MS', 10_000, 100),
    endpoints: file ? readEndpoints(file, options.production) : { schools: {}, gpPractices: {} },
    defaultEndpoint,
  };
}

/** `{ "schools": { "<URN>": "<url>" }, "gpPractices": { "<ODS code>": "<url>" } }` */
export function readEndpoints(file: string, production: boolean): RecipientEndpoints {
  const name = 'MASH_NOTIFICATION_ENDPOINTS_FILE';
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${name}: ${file} could not be read as JSON (${(error as Error).message})`);
  }
  const { schools = {}, gpPractices = {}, ...rest } = (parsed ?? {}) as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new ConfigError(`${name}: unknown keys ${Object.keys(rest).join(', ')}; expected schools and gpPractices`);
  const check = (section: string, entries: unknown, pattern: RegExp, what: string): Record<string, string> => {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new ConfigError(`${name}: ${section} must be an object of ${what} to URL`);
    for (const [code, url] of Object.entries(entries)) {
      if (!pattern.test(code)) throw new ConfigError(`${name}: ${section} key "${code}" is not a ${what}`);
      if (typeof url !== 'string') throw new ConfigError(`${name}: ${section}.${code} must be a URL`);
      checkUrl(`${name} ${section}.${code}`, url, production);
    }
    return entries as Record<string, string>;
  };
  return { schools: check('schools', schools, URN, 'school URN (6 digits)'), gpPractices: check('gpPractices', gpPractices, ODS_CODE, 'GP practice ODS code') };
}

function checkUrl(name: string, value: string, production: boolean): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http(s) URL`);
  // Children's names cross the network in these messages: TLS, unless to this machine.
  if (production && url.protocol !== 'https:' && !isLoopbackUrl(url)) throw new ConfigError(`${name} must be https when NODE_ENV=production (plain http only to a loopback address)`);
}
