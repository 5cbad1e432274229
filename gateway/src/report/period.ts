import { DateTime } from 'luxon';
import { badInput } from '../errors/bad-input';

/** The hub's days are Europe/London days (GMT in winter, BST in summer). */
export const REPORT_TIME_ZONE = 'Europe/London';

/** The longest period one report covers. */
export const MAX_REPORT_YEARS = 2;

/** A report's period: whole Europe/London days from `from` to `to`, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
  /** Midnight at the start of `from`, Europe/London. */
  start: Date;
  /** The earlier of midnight at the end of `to` (Europe/London) and the time of the report. */
  end: Date;
  /** The weeks of the period (7 days from `from`; the last may be shorter), for the charts. */
  weeks: ReportWeekSpan[];
}

export interface ReportWeekSpan {
  /** The first day of the week, YYYY-MM-DD. */
  from: string;
  start: Date;
  end: Date;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(field: string, value: string): DateTime {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) throw badInput(field, 'must be a date written YYYY-MM-DD, e.g. 2026-06-01');
  const parsed = DateTime.fromISO(value, { zone: REPORT_TIME_ZONE });
  if (!parsed.isValid) throw badInput(field, `${value} is not a date in the calendar`);
  return parsed.startOf('day');
}

/** Checks the dates (BAD_USER_INPUT naming the field) and turns them into instants. */
export function reportPeriod(from: string, to: string, now: Date = new Date()): ReportPeriod {
  const first = day('from', from);
  const last = day('to', to);
  if (last < first) throw badInput('to', `must be on or after from (${from})`);
  if (last >= first.plus({ years: MAX_REPORT_YEARS })) throw badInput('to', `a report covers at most ${MAX_REPORT_YEARS} years: give a to before ${first.plus({ years: MAX_REPORT_YEARS }).toISODate()}`);
  if (first.toJSDate() > now) throw badInput('from', 'is in the future: the report counts what has happened');
  const endOfTo = last.plus({ days: 1 }).toJSDate();
  const end = endOfTo < now ? endOfTo : now;
  const weeks: ReportWeekSpan[] = [];
  for (let week = first; week.toJSDate() < end; week = week.plus({ days: 7 })) {
    const weekEnd = week.plus({ days: 7 }).toJSDate();
    weeks.push({ from: week.toISODate()!, start: week.toJSDate(), end: weekEnd < end ? weekEnd : end });
  }
  return { from, to, start: first.toJSDate(), end, weeks };
}
