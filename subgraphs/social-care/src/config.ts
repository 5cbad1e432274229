import { ConfigError, isRealDate, matchThresholdsFromEnv, optionalString } from '@mash/shared';
import type { MatchThresholds } from '@mash/shared';

export interface SocialCareConfig {
  /** `SOCIAL_CARE_MATCH_THRESHOLD` / `SOCIAL_CARE_POSSIBLE_THRESHOLD`; defaults 0.95 / 0.6. */
  thresholds: MatchThresholds;
  /**
   * `SOCIAL_CARE_AS_OF`: the date 12-month windows and "open now" are judged against.
   * Unset (the default) means today; set it to replay a day, e.g. for the seeded demo.
   */
  asOf: string | null;
}

/** Reads the social-care settings once; a malformed value stops the service at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SocialCareConfig {
  const asOf = optionalString('SOCIAL_CARE_AS_OF', env) ?? null;
  if (asOf !== null && !isRealDate(asOf)) throw new ConfigError(`SOCIAL_CARE_AS_OF must be a date YYYY-MM-DD, got "${asOf}"`);
  const thresholds = matchThresholdsFromEnv('social-care', env);
  if (!(thresholds.possible > 0 && thresholds.possible <= thresholds.match && thresholds.match <= 1)) {
    throw new ConfigError('SOCIAL_CARE_POSSIBLE_THRESHOLD must be above 0 and at most SOCIAL_CARE_MATCH_THRESHOLD, which must be at most 1');
  }
  return { thresholds, asOf };
}
