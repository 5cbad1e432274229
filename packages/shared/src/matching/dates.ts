const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date in `YYYY-MM-DD` form (rejects 2015-02-30), from year 100 on.
 * Arithmetic, not a Date round trip: matching calls it for every pair of dates it compares.
 */
export function isRealDate(iso: string): boolean {
  const parts = ISO_DATE.exec(iso);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The date with day and month exchanged, when that is a different real date: US-style entry
 * (MM/DD) is a common error in records keyed from forms. Null when it would be the same day or
 * no date at all.
 */
export function swapDayMonth(iso: string): string | null {
  const parts = ISO_DATE.exec(iso);
  if (!parts || parts[2] === parts[3]) return null;
  const swapped = `${parts[1]}-${parts[3]}-${parts[2]}`;
  return isRealDate(swapped) ? swapped : null;
}
