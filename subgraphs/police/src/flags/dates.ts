/** The latest of some ISO dates or timestamps, as an ISO date (YYYY-MM-DD); null when there are none. */
export function latest(dates: readonly (string | Date | null | undefined)[]): string | null {
  const iso = dates.flatMap((d) => (d === null || d === undefined ? [] : [typeof d === 'string' ? d : d.toISOString()])).map((d) => d.slice(0, 10));
  return iso.length === 0 ? null : iso.reduce((max, d) => (d > max ? d : max));
}
