import { createLogger } from '@mash/shared';
import { DateTime } from 'luxon';
import type { Timescale, Weekday, WorkingCalendar } from '../../policy';
import bankHolidays from './bank-holidays.json';

const HOUR_MS = 3_600_000;
/** Luxon numbers weekdays 1 (Monday) to 7 (Sunday). */
const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** Far more days than any timescale the policy schema allows (8,760 hours); a guard against a bug, not a limit. */
const MAX_DAYS = 200_000;

const BANK_HOLIDAYS: Readonly<Record<WorkingCalendar['bankHolidays'], ReadonlySet<string>>> = {
  'england-and-wales': new Set(bankHolidays.events.map((event) => event.date)),
  none: new Set(),
};
const COVERED_YEARS = new Set(bankHolidays.coversYears);
const log = createLogger('gateway');
const warnedYears = new Set<number>();

/** When a timescale that starts at `from` ends: elapsed hours, or working hours inside the calendar. */
export function timescaleEnds(from: Date, timescale: Timescale, calendar: WorkingCalendar): Date {
  return timescale.clock === 'ELAPSED' ? new Date(from.getTime() + timescale.hours * HOUR_MS) : addWorkingHours(from, timescale.hours, calendar);
}

/**
 * Adds working hours: time counts only on working days (not a weekend, bank holiday or closed
 * day), between dayStarts and dayEnds local time. A start outside working time counts from the
 * next opening; a timescale that runs out exactly at closing ends then, not at the next opening.
 */
export function addWorkingHours(from: Date, hours: number, calendar: WorkingCalendar): Date {
  const [startHour, startMinute] = calendar.dayStarts.split(':').map(Number);
  const [endHour, endMinute] = calendar.dayEnds.split(':').map(Number);
  let remaining = hours * HOUR_MS;
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i += 1, day = day.plus({ days: 1 })) {
    if (!isWorkingDay(day, calendar)) continue;
    const opens = day.set({ hour: startHour, minute: startMinute }).toMillis();
    const closes = day.set({ hour: endHour, minute: endMinute }).toMillis();
    const start = Math.max(from.getTime(), opens);
    if (start >= closes) continue;
    if (remaining <= closes - start) return new Date(start + remaining);
    remaining -= closes - start;
  }
  throw new Error(`working calendar: no end found for ${hours} working hours within ${MAX_DAYS} days`);
}

/** Whether the hub works on this local day. */
export function isWorkingDay(day: DateTime, calendar: WorkingCalendar): boolean {
  if (!calendar.workingDays.includes(WEEKDAYS[day.weekday - 1])) return false;
  const date = day.toISODate()!;
  if (calendar.closedDays.includes(date)) return false;
  if (calendar.bankHolidays !== 'none' && !COVERED_YEARS.has(day.year) && !warnedYears.has(day.year)) {
    // Past the data file's years a bank holiday would count as a working day: say so once.
    warnedYears.add(day.year);
    log.warn('bank_holidays_not_covered', { year: day.year, division: bankHolidays.division, takenAt: bankHolidays.takenAt });
  }
  return !BANK_HOLIDAYS[calendar.bankHolidays].has(date);
}

/** Inside the hub's working time: a working day (not a weekend, bank holiday or closed day), from dayStarts up to (not including) dayEnds, local time. */
export function isWorkingTime(at: Date, calendar: WorkingCalendar): boolean {
  const local = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  if (!isWorkingDay(local.startOf('day'), calendar)) return false;
  const time = local.toFormat('HH:mm');
  return time >= calendar.dayStarts && time < calendar.dayEnds;
}
