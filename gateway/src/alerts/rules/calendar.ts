import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../policy';
import { isWorkingDay, isWorkingTime as isWorkingTimeByLuxon } from '../../hub/clock/working-calendar';

/**
 * The local days of the hub's time zone, as the per-day rules read them. A scan asks the day of
 * every entry, often several times (each user-day, each page): through luxon each answer is an
 * Intl time-zone lookup, which was 57% of a scan's CPU (1.6 s for 6,500 entries, 2026-12-03). The
 * day an instant falls in is worked out once with luxon, and then every instant inside it is
 * answered from its bounds.
 */
interface LocalDay {
  /** First and first-after-last millisecond of the day. */
  start: number;
  end: number;
  /** YYYY-MM-DD. */
  day: string;
  /** A working day of the calendar (not a weekend, bank holiday or closed day). */
  working: boolean;
  /** The zone's offset is the same all day (no clock change), so local time is the time since `start`. */
  uniform: boolean;
}

/** Days most recently asked, per calendar: a scan's entries fall in a handful of days. */
const recentDays = new WeakMap<WorkingCalendar, LocalDay[]>();
const KEPT_DAYS = 16;

function localDayOf(at: Date, calendar: WorkingCalendar): LocalDay {
  const ms = at.getTime();
  let days = recentDays.get(calendar);
  if (!days) recentDays.set(calendar, (days = []));
  const known = days.find((day) => ms >= day.start && ms < day.end);
  if (known) return known;
  const start = DateTime.fromJSDate(at, { zone: calendar.timeZone }).startOf('day');
  const end = start.plus({ days: 1 });
  const day: LocalDay = {
    start: start.toMillis(),
    end: end.toMillis(),
    day: start.toISODate()!,
    working: isWorkingDay(start, calendar),
    uniform: start.offset === end.offset && end.toMillis() - start.toMillis() === 86_400_000,
  };
  days.unshift(day);
  if (days.length > KEPT_DAYS) days.pop();
  return day;
}

/** The local date (YYYY-MM-DD) of an instant in the hub's time zone: the "day" of per-day rules. */
export function localDay(at: Date, calendar: WorkingCalendar): string {
  return localDayOf(at, calendar).day;
}

/**
 * Inside the hub's working time, exactly as `hub/clock/working-calendar`'s `isWorkingTime` says
 * (a working day, from dayStarts up to, not including, dayEnds, local time): on a day without a
 * clock change the local time is read from the day's start; on the two days a year with one, luxon
 * answers.
 */
export function isWorkingTime(at: Date, calendar: WorkingCalendar): boolean {
  const day = localDayOf(at, calendar);
  if (!day.working) return false;
  if (!day.uniform) return isWorkingTimeByLuxon(at, calendar);
  const minutes = Math.floor((at.getTime() - day.start) / 60_000);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return time >= calendar.dayStarts && time < calendar.dayEnds;
}

/** Where a local day starts, and the local day `days` before it starts (for a baseline). */
export function dayStart(day: string, calendar: WorkingCalendar, daysBefore = 0): Date {
  return DateTime.fromISO(day, { zone: calendar.timeZone }).startOf('day').minus({ days: daysBefore }).toJSDate();
}
