/** ISO calendar dates (`YYYY-MM-DD`) compare as strings; arithmetic is done in UTC. */

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Calendar months; the 31st of a month with fewer days falls to its last day. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** True when `date` lies in the 12 months up to and including `asOf`. */
export function withinLast12Months(date: string, asOf: string): boolean {
  return date > addMonths(asOf, -12) && date <= asOf;
}

/** True when `later` is no more than 12 months after `earlier` (the DfE re-referral window). */
export function within12MonthsAfter(earlier: string, later: string): boolean {
  return later >= earlier && later <= addMonths(earlier, 12);
}
