import { addMonths, isoDate } from '@mash/shared';
import type { Term } from '../entities/code-lists';

/**
 * The school calendar: education's own rules on top of the shared ISO-date arithmetic
 * (`@mash/shared` calendar.ts), in UTC so a pupil's year group never depends on the server's time zone.
 */

/** The school year runs 1 September to 31 August; returns the calendar year it starts in. */
export function academicYearStart(on: string): number {
  const [year, month] = on.split('-').map(Number);
  return month >= 9 ? year : year - 1;
}

/** e.g. `2026/27`. */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** National curriculum year group on a date: 0 is Reception, 11 is Year 11. */
export function yearGroup(dateOfBirth: string, on: string): number {
  return academicYearStart(on) - academicYearStart(dateOfBirth) - 5;
}

/**
 * Compulsory school age begins on the first prescribed day (31 Aug, 31 Dec, 31 Mar) on or after
 * the fifth birthday (Education Act 1996 s8(2)) and ends on the last Friday in June of the school
 * year in which the child turns 16 (s8(3)-(4), Education (School Leaving Date) Order 1997).
 */
export function isCompulsorySchoolAge(dateOfBirth: string, on: string): boolean {
  const fifth = addMonths(dateOfBirth, 60);
  const year = Number(fifth.slice(0, 4));
  const prescribed = [`${year}-03-31`, `${year}-08-31`, `${year}-12-31`].find((day) => day >= fifth) as string;
  const sixteenth = addMonths(dateOfBirth, 192);
  return on >= prescribed && on <= lastFridayOfJune(academicYearStart(sixteenth) + 1);
}

function lastFridayOfJune(year: number): string {
  const date = new Date(Date.UTC(year, 5, 30));
  while (date.getUTCDay() !== 5) date.setUTCDate(date.getUTCDate() - 1);
  return isoDate(date);
}

/** First day of each term (approximate Warwickshire dates, as the seed's term windows use). */
export const TERM_FIRST_DAYS: Record<Term, string> = { AUTUMN: '09-03', SPRING: '01-05', SUMMER: '04-14' };

/** One term of one academic year, and the day it began. */
export interface TermRef {
  academicYear: string;
  term: Term;
  /** ISO date of the term's first day. */
  start: string;
}

function termRef(startYear: number, term: Term): TermRef {
  const year = term === 'AUTUMN' ? startYear : startYear + 1;
  return { academicYear: academicYearLabel(startYear), term, start: `${year}-${TERM_FIRST_DAYS[term]}` };
}

/** The term a date falls in: the latest term begun by then (a holiday belongs to the term before it). */
export function termOn(on: string): TermRef {
  const startYear = academicYearStart(on);
  const begun = (['AUTUMN', 'SPRING', 'SUMMER'] as const).map((term) => termRef(startYear, term)).filter((t) => t.start <= on);
  return begun.at(-1) ?? termRef(startYear - 1, 'SUMMER');
}

/** The term before. */
export function previousTerm(term: TermRef): TermRef {
  const startYear = Number(term.academicYear.slice(0, 4));
  if (term.term === 'AUTUMN') return termRef(startYear - 1, 'SUMMER');
  return termRef(startYear, term.term === 'SUMMER' ? 'SPRING' : 'AUTUMN');
}
