import { DateTime } from 'luxon';
import { isWorkingDay } from '../hub/clock/working-calendar';
import type { WorkingCalendar } from '../policy';

/**
 * Operation Encompass: the school's DSL is told before the start of the next school day. School
 * days here are Monday to Friday in England, less bank holidays (the hub's calendar data); term
 * dates and INSET days vary by school and are not known, so a notification screened in the
 * holidays is due on the next weekday that is not a bank holiday.
 */
export const SCHOOL_DAY_STARTS = { hour: 8, minute: 30 } as const;
const SCHOOL_TIME_ZONE = 'Europe/London';
/** More than any run of weekends and bank holidays; a guard against a bug, not a limit. */
const MAX_DAYS = 30;

/** The school week in the hub's calendar terms; bank holidays as the ISA's working calendar names them. */
export function schoolCalendar(hub?: Pick<WorkingCalendar, 'bankHolidays'>): WorkingCalendar {
  return {
    timeZone: SCHOOL_TIME_ZONE,
    workingDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    dayStarts: '08:30',
    dayEnds: '15:30',
    bankHolidays: hub?.bankHolidays ?? 'england-and-wales',
    closedDays: [],
  };
}

/** 08:30 London time on the first school day whose start is after `from`. */
export function nextSchoolDayStart(from: Date, calendar: WorkingCalendar = schoolCalendar()): Date {
  let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i += 1, day = day.plus({ days: 1 })) {
    if (!isWorkingDay(day, calendar)) continue;
    const start = day.set(SCHOOL_DAY_STARTS);
    if (start.toMillis() > from.getTime()) return start.toJSDate();
  }
  throw new Error(`no school day found within ${MAX_DAYS} days of ${from.toISOString()}`);
}
