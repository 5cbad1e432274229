import { createHash } from 'node:crypto';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Dates relative to the population's reference date, so the seed never drifts with the calendar. */
export class SeedClock {
  private readonly midnight: number;

  constructor(readonly referenceDate: string) {
    this.midnight = Date.parse(`${referenceDate}T00:00:00Z`);
  }

  /** `days` before the reference date, at `hour` o'clock UTC. */
  daysAgo(days: number, hour = 12): Date {
    return new Date(this.midnight - days * DAY_MS + hour * HOUR_MS);
  }

  dateDaysAgo(days: number): string {
    return this.daysAgo(days).toISOString().slice(0, 10);
  }

  ageOf(dateOfBirth: string): number {
    const [by, bm, bd] = dateOfBirth.split('-').map(Number);
    const [ry, rm, rd] = this.referenceDate.split('-').map(Number);
    return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
  }
}

export function plusHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/** A stable UUID for a seeded row (name-based, RFC 4122 version 5 layout), so reseeding gives the same ids. */
export function seedId(name: string): string {
  const h = createHash('sha1').update(`police-seed:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Force reference numbers, handed out in the seed's (deterministic) order. */
export class ReferenceCounter {
  private nominal = 0;
  private occurrence = 0;

  nominalId(): string {
    this.nominal += 1;
    return `WK-NOM-${String(this.nominal).padStart(7, '0')}`;
  }

  occurrenceReference(reportedAt: Date): string {
    this.occurrence += 1;
    return `WK-OCC-${reportedAt.getUTCFullYear()}-${String(this.occurrence).padStart(6, '0')}`;
  }
}
