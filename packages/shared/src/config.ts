import path from 'node:path';

/**
 * Reads the environment once and fails fast, naming the variable that is missing or wrong,
 * so a misconfigured service stops at start-up rather than at the first request.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = NodeJS.ProcessEnv;

export function optionalString(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function requiredString(name: string, env: Env = process.env): string {
  const value = optionalString(name, env);
  if (value === undefined) throw new ConfigError(`${name} is required but not set`);
  return value;
}

export function integer(name: string, fallback: number, env: Env = process.env): number {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  return value;
}

export function decimal(name: string, fallback: number, env: Env = process.env): number {
  const raw = optionalString(name, env);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigError(`${name} must be a number, got "${raw}"`);
  return value;
}

export function boolean(name: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = optionalString(name, env)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Environment variable prefix for a service: `social-care` -> `SOCIAL_CARE`. */
export function envPrefix(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Where embedded databases, demo keys and other local state live (default `<repo>/.data`). */
export function dataDirectory(env: Env = process.env): string {
  return optionalString('MASH_DATA_DIR', env) ?? path.resolve(__dirname, '../../../.data');
}
