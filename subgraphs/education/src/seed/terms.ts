import { addDays } from '@mash/shared';
import type { Term } from '../entities/code-lists';

/**
 * Approximate Warwickshire term dates: about 190 school days a year, each with a one-week half
 * term. Close enough for synthetic attendance; real figures come from the school's register.
 */
export interface TermWindow {
  term: Term;
  start: string;
  /** Exclusive. */
  end: string;
  halfTermStart: string;
}

export function termWindows(startYear: number): TermWindow[] {
  const next = startYear + 1;
  return [
    { term: 'AUTUMN', start: `${startYear}-09-03`, end: `${startYear}-12-19`, halfTermStart: mondayOfWeek(`${startYear}-10-27`) },
    { term: 'SPRING', start: `${next}-01-05`, end: `${next}-03-28`, halfTermStart: mondayOfWeek(`${next}-02-16`) },
    { term: 'SUMMER', start: `${next}-04-14`, end: `${next}-07-22`, halfTermStart: mondayOfWeek(`${next}-05-28`) },
  ];
}

/** Morning and afternoon sessions from the term's start up to (not including) `until`. */
export function sessionsPossible(window: TermWindow, until: string): number {
  const end = until < window.end ? until : window.end;
  const halfTermEnd = addDays(window.halfTermStart, 5);
  let days = 0;
  for (let day = window.start; day < end; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6 && !(day >= window.halfTermStart && day < halfTermEnd)) days++;
  }
  return days * 2;
}

/** The school day on or after the date (weekends move to Monday). */
export function schoolDay(iso: string): string {
  const weekday = weekdayOf(iso);
  return weekday === 6 ? addDays(iso, 2) : weekday === 0 ? addDays(iso, 1) : iso;
}

function mondayOfWeek(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7));
}

/** 0 Sunday .. 6 Saturday, in UTC like the rest of the calendar. */
function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** A school day in term near the date: summer and Christmas holiday dates move to the term's last weeks. */
export function termDay(iso: string): string {
  const year = iso.slice(0, 4);
  const monthDay = iso.slice(5);
  if (monthDay >= '07-22' && monthDay < '09-03') return schoolDay(`${year}-07-${monthDay < '08-01' ? '13' : '08'}`);
  if (monthDay >= '12-19') return schoolDay(`${year}-12-${monthDay < '12-26' ? '11' : '08'}`);
  if (monthDay < '01-05') return schoolDay(`${Number(year) - 1}-12-10`);
  return schoolDay(iso);
}
