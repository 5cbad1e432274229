import { matchThresholdsFromEnv, referenceDate, type MatchThresholds } from '@mash/shared';

/** Health's settings, read from the environment once (see `healthConfig`). */
export interface HealthConfig {
  /** `HEALTH_MATCH_THRESHOLD` / `HEALTH_POSSIBLE_THRESHOLD`; defaults from the shared matcher. */
  thresholds: MatchThresholds;
  /**
   * The day 12-month windows and ages count back from (YYYY-MM-DD): `MASH_REFERENCE_DATE` when
   * set, so demo data and tests do not drift with the calendar; unset, the date of each request.
   */
  referenceDate?: string;
}

export function loadHealthConfig(env: NodeJS.ProcessEnv = process.env): HealthConfig {
  const fixed = env.MASH_REFERENCE_DATE?.trim() ? referenceDate(env).toISOString().slice(0, 10) : undefined;
  return { thresholds: matchThresholdsFromEnv('health', env), referenceDate: fixed };
}

let loaded: HealthConfig | undefined;

/** The process-wide configuration, read on first use and then kept. */
export function healthConfig(): HealthConfig {
  loaded ??= loadHealthConfig();
  return loaded;
}
