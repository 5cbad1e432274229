import { ConfigError, optionalString } from '../config';
import { isRealDate } from '../matching/dates';

/**
 * "Today" for 12-month windows and ages. `MASH_REFERENCE_DATE` (YYYY-MM-DD), read once at start,
 * fixes it (demo data and tests stay stable whatever the calendar says); unset, each request is
 * judged on the real date of that request, so a service running past midnight moves on with it.
 */
export interface ReferenceDate {
  /** The fixed date, or null for "the real date". */
  readonly fixed: string | null;
  /** The ISO date to judge a request on. */
  today(): string;
}

export function referenceDateFromEnv(env: NodeJS.ProcessEnv = process.env): ReferenceDate {
  const raw = optionalString('MASH_REFERENCE_DATE', env) ?? null;
  if (raw !== null && !isRealDate(raw)) throw new ConfigError(`MASH_REFERENCE_DATE must be a real date written YYYY-MM-DD, got "${raw}"`);
  return fixedReferenceDate(raw);
}

export function fixedReferenceDate(date: string | null): ReferenceDate {
  return { fixed: date, today: () => date ?? new Date().toISOString().slice(0, 10) };
}
