/** Time windows counted back from the reference date ("today"), inclusive of that whole day. */
export interface Windows {
  /** End of the reference day: later timestamps are ignored as not yet happened. */
  until: Date;
  last90Days: Date;
  last12Months: Date;
  /** For domestic-abuse perpetration and honour-based abuse, which stay relevant for longer. */
  last5Years: Date;
}

export function windowsFor(referenceDate: string): Windows {
  const [year, month, day] = referenceDate.split('-').map(Number);
  return {
    until: new Date(Date.UTC(year, month - 1, day + 1)),
    last90Days: new Date(Date.UTC(year, month - 1, day - 89)),
    last12Months: new Date(Date.UTC(year - 1, month - 1, day + 1)),
    last5Years: new Date(Date.UTC(year - 5, month - 1, day + 1)),
  };
}

export function within(at: Date, since: Date, windows: Windows): boolean {
  return at >= since && at < windows.until;
}

export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
