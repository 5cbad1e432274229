const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2015-02-30). */
export function isRealDate(iso: string): boolean {
  const parts = ISO_DATE.exec(iso);
  if (!parts) return false;
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return date.toISOString().slice(0, 10) === iso;
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
