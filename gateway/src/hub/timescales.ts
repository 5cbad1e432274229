import { DEFAULT_POLICY, TIMESCALE_KEYS, type PolicyDocument, type Timescale, type TimescaleKey, type WorkingCalendar } from '../policy';
import { timescaleEnds } from './clock/working-calendar';
import type { CaseKind, Rag } from './entities/enums';

/** What the hub's clock reads from the ISA policy: every timescale with its clock, the calendar, the re-referral window. */
export interface HubClock {
  timescales: Record<TimescaleKey, Timescale>;
  calendar: WorkingCalendar;
  reReferralWindowDays: number;
}

/** Where a policy leaves a timescale out and has no elapsed hours for it either. */
const FALLBACK: Record<'UNRATED' | 'INFORMATION_REQUEST', Timescale> = {
  // Working Together 2023: a decision on a referral within one working day; the hub counts 24 hours.
  UNRATED: { hours: 24, clock: 'ELAPSED' },
  INFORMATION_REQUEST: { hours: 40, clock: 'WORKING' },
};

/**
 * The clock of a policy: `timescales` where it names one, else the rating's `timescalesHours` in
 * elapsed hours (policy versions before 2026-11-01.4), else the fallbacks above.
 */
export function hubClockOf(policy: Pick<PolicyDocument, 'timescalesHours' | 'timescales' | 'workingCalendar' | 'reReferralWindowDays'> | null | undefined): HubClock {
  const source = policy ?? DEFAULT_POLICY;
  const timescales = Object.fromEntries(
    TIMESCALE_KEYS.map((key) => {
      const given = source.timescales?.[key];
      if (given) return [key, given];
      if (key === 'UNRATED' || key === 'INFORMATION_REQUEST') return [key, FALLBACK[key]];
      return [key, { hours: source.timescalesHours[key], clock: 'ELAPSED' }];
    }),
  ) as Record<TimescaleKey, Timescale>;
  return {
    timescales,
    calendar: source.workingCalendar ?? DEFAULT_POLICY.workingCalendar,
    reReferralWindowDays: source.reReferralWindowDays ?? DEFAULT_POLICY.reReferralWindowDays,
  };
}

export const DEFAULT_CLOCK: HubClock = hubClockOf(DEFAULT_POLICY);

/** The facts of a case its due time depends on. */
export interface ClockFacts {
  kind: CaseKind | 'REFERRAL' | 'INFORMATION_REQUEST';
  rag: Rag | null;
  receivedAt: Date;
  /** When the rating that set the current timescale was given; null before rating. */
  ratedAt: Date | null;
}

/**
 * When a decision is due. Before rating: the UNRATED timescale from receipt. Rated: the rating's
 * timescale from the rating that set it (a re-rating to another rating starts it anew). An
 * information request: its own timescale from receipt, or its rating's when that ends sooner.
 */
export function dueBy(facts: ClockFacts, clock: HubClock = DEFAULT_CLOCK): Date {
  const { timescales, calendar } = clock;
  const byRating = facts.rag ? timescaleEnds(facts.ratedAt ?? facts.receivedAt, timescales[facts.rag], calendar) : null;
  if (facts.kind === 'INFORMATION_REQUEST') {
    const own = timescaleEnds(facts.receivedAt, timescales.INFORMATION_REQUEST, calendar);
    return byRating && byRating < own ? byRating : own;
  }
  return byRating ?? timescaleEnds(facts.receivedAt, timescales.UNRATED, calendar);
}
