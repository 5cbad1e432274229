import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../policy';
import { isWorkingDay } from '../../hub/clock/working-calendar';

/** The local date (YYYY-MM-DD) of an instant in the hub's time zone: the "day" of per-day rules. */
export function localDay(at: Date, calendar: WorkingCalendar): string {
  return DateTime.fromJSDate(at, { zone: calendar.timeZone }).toISODate()!;
}

/** Where a local day starts, and the local day `days` before it starts (for a baseline). */
export function dayStart(day: string, calendar: WorkingCalendar, daysBefore = 0): Date {
  return DateTime.fromISO(day, { zone: calendar.timeZone }).startOf('day').minus({ days: daysBefore }).toJSDate();
}

/** Inside the hub's working time: a working day (not a weekend, bank holiday or closed day), between dayStarts and dayEnds local time. */
export function isWorkingTime(at: Date, calendar: WorkingCalendar): boolean {
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  if (!isWorkingDay(local.startOf('day'), calendar)) return false;
  const time = local.toFormat('HH:mm');
  return time >= calendar.dayStarts && time < calendar.dayEnds;
}
