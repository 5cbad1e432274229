import { DateTime } from 'luxon';
import { isWorkingDay } from '../hub/clock/working-calendar';
import { DEFAULT_POLICY, type PolicyStore, type WorkingCalendar } from '../policy';

export { isWorkingTime } from '../hub/clock/working-calendar';

/** The working calendar a review counts against, and where it came from. */
export interface ReviewCalendar {
  calendar: WorkingCalendar;
  /** The ISA policy version it is taken from; null when no valid version is active (the default calendar is used). */
  policyVersion: string | null;
}

/** The calendar of the policy in force; the default policy's when none is valid (a review still works then). */
export async function reviewCalendar(policies: PolicyStore): Promise<ReviewCalendar> {
  const active = await policies.active();
  return active ? { calendar: active.workingCalendar, policyVersion: active.version } : { calendar: DEFAULT_POLICY.workingCalendar, policyVersion: null };
}

/**
 * The local days in [from, to) the hub does not work (weekends, bank holidays, closed days), so
 * the database can tell time outside the calendar without knowing it: local date among these, or
 * local time before dayStarts or from dayEnds on.
 */
export function nonWorkingDays(from: Date, to: Date, calendar: WorkingCalendar): string[] {
  const days: string[] = [];
  const last = DateTime.fromJSDate(to, { zone: calendar.timeZone }).startOf('day');
  for (let day = DateTime.fromJSDate(from, { zone: calendar.timeZone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    if (!isWorkingDay(day, calendar)) days.push(day.toISODate()!);
  }
  return days;
}

/** A description of the calendar for a reader: "Monday to Friday 09:00-17:00 Europe/London, less england-and-wales bank holidays". */
export function describeCalendar(calendar: WorkingCalendar): string {
  const days = calendar.workingDays.map((day) => day[0] + day.slice(1).toLowerCase()).join(', ');
  const holidays = calendar.bankHolidays === 'none' ? '' : `, less ${calendar.bankHolidays} bank holidays`;
  const closed = calendar.closedDays.length > 0 ? ` and ${calendar.closedDays.length} closed day(s)` : '';
  return `${days} ${calendar.dayStarts}-${calendar.dayEnds} ${calendar.timeZone}${holidays}${closed}`;
}
