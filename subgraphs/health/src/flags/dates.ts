/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so results never depend on the host's zone. */

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `date` moved by whole months, the day clamped to the target month's length. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** True when `date` falls in the 12 months up to and including `asOf`. */
export function withinLast12Months(date: Date | string, asOf: string): boolean {
  const day = isoDate(date);
  return day > addMonths(asOf, -12) && day <= asOf;
}
