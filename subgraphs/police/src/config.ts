import { ConfigError, DEFAULT_POPULATION_OPTIONS, matchThresholdsFromEnv, optionalString, type MatchThresholds } from '@mash/shared';

/** The police subgraph's settings, read from the environment once. */
export interface PoliceConfig {
  /** `POLICE_MATCH_THRESHOLD` (default 0.95) and `POLICE_POSSIBLE_THRESHOLD` (default 0.6). */
  thresholds: MatchThresholds;
  /**
   * "Today" for the 90-day and 12-month windows, as an ISO date: `MASH_REFERENCE_DATE`, default
   * 2026-11-01, the synthetic population's reference date, so the demo seed's incidents fall in
   * their windows whatever the calendar says. A live deployment sets it to nothing but today.
   */
  referenceDate: string;
}

export function loadPoliceConfig(env: NodeJS.ProcessEnv = process.env): PoliceConfig {
  const referenceDate = optionalString('MASH_REFERENCE_DATE', env) ?? DEFAULT_POPULATION_OPTIONS.referenceDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
    throw new ConfigError(`MASH_REFERENCE_DATE must be an ISO date (YYYY-MM-DD), got "${referenceDate}"`);
  }
  return { thresholds: matchThresholdsFromEnv('police', env), referenceDate };
}

let cached: PoliceConfig | undefined;

/** The configuration of this process, loaded on first use. */
export function policeConfig(): PoliceConfig {
  cached ??= loadPoliceConfig();
  return cached;
}
