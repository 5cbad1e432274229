import { DateTime } from 'luxon';
import { badArgument } from './errors';

/** One period of the access log: `from` included, `to` not. Either end may be open. */
export interface Period {
  from: Date | null;
  to: Date | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// An offset is required: a time without one would be read in the server's zone, which nobody chose.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant from an argument: an ISO 8601 timestamp with an offset (2026-06-01T09:00:00Z), or a
 * date (2026-06-01), which means midnight at its start in `zone` (the hub's working calendar).
 */
export function instant(argument: string, value: string, zone: string): Date {
  if (DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    if (day.isValid) return day.startOf('day').toJSDate();
  } else if (TIMESTAMP.test(value)) {
    const at = DateTime.fromISO(value, { setZone: true });
    if (at.isValid) return at.toJSDate();
  }
  throw badArgument(argument, `is not a date or timestamp; write 2026-06-01 (midnight at its start, ${zone}) or 2026-06-01T09:00:00Z (ISO 8601 with an offset)`);
}

/** Checks and reads `from` and `to`; `to` must be after `from`, and at most `maxDays` after it when given. */
export function period(from: string | null, to: string | null, zone: string, maxDays?: number): Period {
  const start = from === null ? null : instant('from', from, zone);
  const end = to === null ? null : instant('to', to, zone);
  if (start && end && end <= start) throw badArgument('to', 'must be later than from (from is included, to is not)');
  if (maxDays !== undefined && start && end && end.getTime() - start.getTime() > maxDays * 86_400_000) {
    throw badArgument('to', `the period may be at most ${maxDays} days long`);
  }
  return { from: start, to: end };
}
