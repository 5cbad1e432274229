import { ConfigError, matchThresholdsFromEnv, optionalString, type MatchThresholds } from '@mash/shared';

/** Health's settings, read from the environment once (see `healthConfig`). */
export interface HealthConfig {
  /** `HEALTH_MATCH_THRESHOLD` / `HEALTH_POSSIBLE_THRESHOLD`; defaults from the shared matcher. */
  thresholds: MatchThresholds;
  /**
   * The day 12-month windows and ages are counted back from, `MASH_REFERENCE_DATE` (YYYY-MM-DD).
   * Unset: the current date at each request. Set it to the synthetic population's reference date
   * so demo data and tests do not drift with the calendar.
   */
  referenceDate?: string;
}

export function loadHealthConfig(env: NodeJS.ProcessEnv = process.env): HealthConfig {
  const referenceDate = optionalString('MASH_REFERENCE_DATE', env);
  if (referenceDate !== undefined && !isIsoDate(referenceDate)) {
    throw new ConfigError(`MASH_REFERENCE_DATE must be a date as YYYY-MM-DD, got "${referenceDate}"`);
  }
  return { thresholds: matchThresholdsFromEnv('health', env), referenceDate };
}

let loaded: HealthConfig | undefined;

/** The process-wide configuration, read on first use and then kept. */
export function healthConfig(): HealthConfig {
  loaded ??= loadHealthConfig();
  return loaded;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
