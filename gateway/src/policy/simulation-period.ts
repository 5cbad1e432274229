import { GraphQLError } from 'graphql';
import { DateTime } from 'luxon';

/** The hub's days are Europe/London days (as in the hub's report). */
export const SIMULATION_TIME_ZONE = 'Europe/London';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An offset is required: a time without one would be read in the server's zone, which nobody chose.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The period a simulation reads: a date (YYYY-MM-DD) is a whole Europe/London day, both ends
 * included; a timestamp with an offset is that instant (`to` then excluded). BAD_USER_INPUT
 * naming the argument for anything else, for `to` not after `from`, or a period over `maxDays`.
 */
export function simulationPeriod(from: string, to: string, maxDays?: number): { from: Date; to: Date } {
  const start = instant('from', from, false);
  const end = instant('to', to, true);
  if (end <= start) throw badArgument('to', `must be after from (${from}); a date includes its whole day`);
  if (maxDays !== undefined && end.getTime() - start.getTime() > maxDays * 86_400_000) {
    throw badArgument('to', `a simulation covers at most ${maxDays} days; give a shorter period or use npm run policy:simulate`);
  }
  return { from: start, to: end };
}

function instant(argument: string, value: string, endOfDay: boolean): Date {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone: SIMULATION_TIME_ZONE });
    if (day.isValid) return (endOfDay ? day.startOf('day').plus({ days: 1 }) : day.startOf('day')).toJSDate();
  } else if (typeof value === 'string' && TIMESTAMP.test(value)) {
    const at = DateTime.fromISO(value, { setZone: true });
    if (at.isValid) return at.toJSDate();
  }
  throw badArgument(argument, `"${value}" is not a date or timestamp; write 2026-06-01 (the whole day, ${SIMULATION_TIME_ZONE}) or 2026-06-01T09:00:00Z (ISO 8601 with an offset)`);
}

function badArgument(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument} ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
