import type { Rng } from './random';

const DAY_MS = 86_400_000;
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A birth date giving exactly `age` completed years on `referenceDate`. */
export function dateOfBirthForAge(rng: Rng, age: number, referenceDate: string): string {
  const y = Number(referenceDate.slice(0, 4));
  const m = Number(referenceDate.slice(5, 7)) - 1;
  const d = Number(referenceDate.slice(8, 10));
  const lastBirthday = Date.UTC(y - age, m, d);
  const daysInYear = Math.round((lastBirthday - Date.UTC(y - age - 1, m, d)) / DAY_MS);
  const date = new Date(lastBirthday - rng.int(0, daysInYear - 1) * DAY_MS);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Completed years on `referenceDate` (both `YYYY-MM-DD`, so month-day compares as text). */
export function ageOn(dateOfBirth: string, referenceDate: string): number {
  const years = Number(referenceDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return referenceDate.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Compulsory school age on the reference date, as `SyntheticPerson.schoolAge` defines it. */
export const isSchoolAge = (age: number): boolean => age >= 5 && age <= 16;

/**
 * Calendar year a child started reception: the September after their fourth birthday, so
 * September-to-August birthdays share a school year.
 */
export function receptionYear(dateOfBirth: string): number {
  return Number(dateOfBirth.slice(0, 4)) + (Number(dateOfBirth.slice(5, 7)) >= 9 ? 5 : 4);
}
