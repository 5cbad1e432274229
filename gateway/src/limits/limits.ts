import { ConfigError, integer } from '@mash/shared';

/**
 * What one request may ask of the gateway (issue 9: 500 aliases of `case(id)` made 2,000 agency
 * fetches and starved everyone else). Each is refused before anything is fetched or executed.
 * Environment variables in brackets; see README "Configuration".
 */
export interface RequestLimits {
  /** Deepest selection, fragments flattened (MASH_MAX_DEPTH). Default 10. */
  maxDepth: number;
  /** Aliases in one operation (MASH_MAX_ALIASES). Default 15. */
  maxAliases: number;
  /** Lexical tokens in the query text, counted before it is parsed (MASH_MAX_TOKENS). Default 2000. */
  maxTokens: number;
  /** Directives in one operation (MASH_MAX_DIRECTIVES). Default 50. */
  maxDirectives: number;
  /** Estimated cost of one operation; see `CostModel` (MASH_MAX_COST). Default 5000. */
  maxCost: number;
  /** Cost of one agency field (police, socialCare, health, education) for one subject (MASH_AGENCY_FIELD_COST). Default 100. */
  agencyFieldCost: number;
  /** Subjects per case assumed by the estimate; the real number is capped by maxSubjects (MASH_COST_SUBJECTS_PER_CASE). Default 5. */
  subjectsPerCase: number;
  /** Subjects whose details one request may read, across all its cases (MASH_MAX_SUBJECTS_PER_REQUEST). Default 60. */
  maxSubjects: number;
  /** Requests per user per minute, counted in this gateway process (MASH_RATE_LIMIT_PER_MINUTE). Default 300; 0 turns it off. */
  ratePerMinute: number;
}

export const DEFAULT_LIMITS: Readonly<RequestLimits> = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 50,
  maxCost: 5000,
  agencyFieldCost: 100,
  subjectsPerCase: 5,
  maxSubjects: 60,
  ratePerMinute: 300,
};

const VARIABLES: Record<keyof RequestLimits, string> = {
  maxDepth: 'MASH_MAX_DEPTH',
  maxAliases: 'MASH_MAX_ALIASES',
  maxTokens: 'MASH_MAX_TOKENS',
  maxDirectives: 'MASH_MAX_DIRECTIVES',
  maxCost: 'MASH_MAX_COST',
  agencyFieldCost: 'MASH_AGENCY_FIELD_COST',
  subjectsPerCase: 'MASH_COST_SUBJECTS_PER_CASE',
  maxSubjects: 'MASH_MAX_SUBJECTS_PER_REQUEST',
  ratePerMinute: 'MASH_RATE_LIMIT_PER_MINUTE',
};

/** The environment variable that sets a limit, for messages that tell an operator what to change. */
export function limitVariable(limit: keyof RequestLimits): string {
  return VARIABLES[limit];
}

export function requestLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(VARIABLES) as (keyof RequestLimits)[]) {
    limits[key] = integer(VARIABLES[key], DEFAULT_LIMITS[key], env);
    const floor = key === 'ratePerMinute' ? 0 : 1;
    if (limits[key] < floor) throw new ConfigError(`${VARIABLES[key]} must be at least ${floor}, got ${limits[key]}`);
  }
  return limits;
}
