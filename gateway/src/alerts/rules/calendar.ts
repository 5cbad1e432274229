import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../policy';

export { isWorkingTime } from '../../hub/clock/working-calendar';

/** The local date (YYYY-MM-DD) of an instant in the hub's time zone: the "day" of per-day rules. */
export function localDay(at: Date, calendar: WorkingCalendar): string {
  return DateTime.fromJSDate(at, { zone: calendar.timeZone }).toISODate()!;
}

/** Where a local day starts, and the local day `days` before it starts (for a baseline). */
export function dayStart(day: string, calendar: WorkingCalendar, daysBefore = 0): Date {
  return DateTime.fromISO(day, { zone: calendar.timeZone }).startOf('day').minus({ days: daysBefore }).toJSDate();
}
