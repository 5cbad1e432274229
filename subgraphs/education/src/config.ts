import { ConfigError, matchThresholdsFromEnv, optionalString, type MatchThresholds } from '@mash/shared';

export interface EducationConfig {
  /** `EDUCATION_MATCH_THRESHOLD` / `EDUCATION_POSSIBLE_THRESHOLD`; defaults from @mash/shared. */
  thresholds: MatchThresholds;
  /**
   * The day flags are computed for (ages, "this academic year", "last 12 months"):
   * `MASH_REFERENCE_DATE` (YYYY-MM-DD) when set, so demos and tests do not drift with the
   * calendar; otherwise null, meaning today.
   */
  referenceDate: string | null;
}

export function loadEducationConfig(env: NodeJS.ProcessEnv = process.env): EducationConfig {
  const referenceDate = optionalString('MASH_REFERENCE_DATE', env) ?? null;
  if (referenceDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new ConfigError(`MASH_REFERENCE_DATE must be a date as YYYY-MM-DD, got "${referenceDate}"`);
  }
  return { thresholds: matchThresholdsFromEnv('education', env), referenceDate };
}

let loaded: EducationConfig | undefined;

/** The service's settings, read from the environment once; `index.ts` reads them first to fail fast. */
export function educationConfig(): EducationConfig {
  loaded ??= loadEducationConfig();
  return loaded;
}
