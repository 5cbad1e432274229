import { ALL_SURNAMES, createRng, FEMALE_NAMES, MALE_NAMES, OUTWARD_CODES, STREETS, weighted, type Rng } from '@mash/shared';
import { DateTime } from 'luxon';

/**
 * The plan of the demo history: six months of referrals shaped like the hub's own six-month report
 * (DOMAIN.md): 44% RED or AMBER, 10% information requests, 46% advice and signposting (GREEN);
 * RED mostly decided within its 2 hours, AMBER mostly within 24 with some late; a backlog of AMBER
 * and GREEN open at the end; feedback to most referrers. Volumes are scaled down (a few a week by
 * default) so the seed stays fast; the shares are the report's. Pure and deterministic: the same
 * options always give the same plan.
 */
export type HistoryGroup = 'RED' | 'AMBER' | 'GREEN' | 'INFORMATION_REQUEST';

export interface HistoryOptions {
  /** When the history ends: the seed time. */
  end: Date;
  /** Weeks of history; default 26 (six months). */
  weeks?: number;
  /** Referrals a week on average; default 3 (the seed runs on every first `npm start`). */
  perWeek?: number;
  /** The random seed; default 'demo-history'. */
  seed?: string;
}

export interface PlannedPerson {
  role: 'CHILD' | 'ADULT_AT_RISK';
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
  addressLine: string;
  postcode: string;
}

export interface PlannedCase {
  receivedAt: Date;
  group: HistoryGroup;
  pathway: 'CHILDREN' | 'ADULTS';
  source: { code: string; referrer: string; organisation: string | null };
  requester: 'FAMILY_COURT' | 'CAFCASS' | 'PROBATION' | 'OTHER_LOCAL_AUTHORITY' | null;
  people: PlannedPerson[];
  /** Minutes from receipt to the first rating, when that is RED or AMBER (GREEN is rated on receipt). */
  ratingDelayMinutes: number;
  /** Decided by the due time (at this fraction of the time between rating and due) or after it (by lateHours). */
  timing: { onTime: true; fraction: number } | { onTime: false; lateHours: number };
  outcome: 'STRATEGY_DISCUSSION' | 'ASSESSMENT' | 'EARLY_HELP' | 'SIGNPOST' | 'NO_FURTHER_ACTION';
  /** Feedback with the decision, later (hours after it), or none for a recorded reason. */
  feedback: { kind: 'WITH_DECISION' } | { kind: 'LATER'; afterHours: number } | { kind: 'WITHHELD'; reason: 'ANONYMOUS_REFERRER' | 'REFERRER_UNREACHABLE'; afterHours: number };
  /**
   * A case still open at the end: first rated the other way, and re-rated to `group` at the end
   * (escalated GREEN -> AMBER, or downgraded AMBER -> GREEN after research), so its timescale runs
   * from then and it never sorts before the demo cases in `cases`.
   */
  backlog: { firstRating: 'AMBER' | 'GREEN' } | null;
}

const SHARES: readonly (readonly [HistoryGroup, number])[] = [['RED', 0.12], ['AMBER', 0.32], ['INFORMATION_REQUEST', 0.10], ['GREEN', 0.46]];
/** The 2016 backlog (about 100 AMBER and 175 GREEN) as shares of six months' referrals, scaled down with them. */
const BACKLOG_SHARES = { AMBER: 0.05, GREEN: 0.08 };
const ON_TIME: Record<HistoryGroup, number> = { RED: 0.88, AMBER: 0.78, GREEN: 0.85, INFORMATION_REQUEST: 0.8 };
const LATE_HOURS: Record<HistoryGroup, [number, number]> = { RED: [0.25, 4], AMBER: [2, 48], GREEN: [4, 120], INFORMATION_REQUEST: [24, 240] };
const RATING_MINUTES: Record<HistoryGroup, [number, number]> = { RED: [5, 30], AMBER: [15, 180], GREEN: [15, 180], INFORMATION_REQUEST: [0, 0] };
const DAY_MS = 86_400_000;

const SOURCES = {
  CHILDREN: [
    [{ code: '6', referrer: 'Police public protection unit', organisation: 'Warwickshire Police (demo)' }, 28],
    [{ code: '2A', referrer: 'Designated Safeguarding Lead', organisation: 'Warwickshire school (demo)' }, 18],
    [{ code: '3B', referrer: 'Health visitor', organisation: 'Community health (demo)' }, 7],
    [{ code: '3E', referrer: 'Emergency department nurse', organisation: 'Warwick Hospital (demo)' }, 5],
    [{ code: '3A', referrer: 'GP', organisation: 'GP practice (demo)' }, 4],
    [{ code: '1A', referrer: 'Grandparent', organisation: null }, 8],
    [{ code: '5D', referrer: 'Early help worker', organisation: 'Early help (demo)' }, 6],
    [{ code: '4', referrer: 'Housing officer', organisation: 'District council housing (demo)' }, 4],
    [{ code: '9', referrer: 'Anonymous caller', organisation: null }, 5],
    [{ code: '8', referrer: 'Youth worker', organisation: 'Youth club (demo)' }, 3],
  ],
  ADULTS: [
    [{ code: '3F', referrer: 'District nurse', organisation: 'Community nursing (demo)' }, 35],
    [{ code: '1A', referrer: 'Daughter', organisation: null }, 25],
    [{ code: '6', referrer: 'Police officer', organisation: 'Warwickshire Police (demo)' }, 20],
    [{ code: '8', referrer: 'Care home manager', organisation: 'Care home (demo)' }, 15],
    [{ code: '9', referrer: 'Anonymous caller', organisation: null }, 5],
  ],
} as const;

const REQUESTERS = [
  ['FAMILY_COURT', { code: '7', referrer: 'Family Court legal adviser', organisation: 'Family Court (demo)' }, 3],
  ['CAFCASS', { code: '7', referrer: 'Family court adviser', organisation: 'Cafcass (demo)' }, 4],
  ['PROBATION', { code: '7', referrer: 'Probation officer', organisation: 'Probation Service (demo)' }, 2],
  ['OTHER_LOCAL_AUTHORITY', { code: '5C', referrer: 'Social worker', organisation: 'Another local authority (demo)' }, 1],
] as const;

const OUTCOMES: Record<HistoryGroup, readonly (readonly [PlannedCase['outcome'], number])[]> = {
  RED: [['STRATEGY_DISCUSSION', 80], ['ASSESSMENT', 20]],
  AMBER: [['ASSESSMENT', 45], ['EARLY_HELP', 40], ['SIGNPOST', 10], ['NO_FURTHER_ACTION', 5]],
  GREEN: [['SIGNPOST', 55], ['EARLY_HELP', 25], ['NO_FURTHER_ACTION', 20]],
  INFORMATION_REQUEST: [['NO_FURTHER_ACTION', 100]],
};

const between = (rng: Rng, [low, high]: readonly [number, number]): number => low + rng.next() * (high - low);
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function person(rng: Rng, role: PlannedPerson['role'], familyName: string, on: DateTime, address: { addressLine: string; postcode: string }): PlannedPerson {
  const gender = rng.chance(0.5) ? 'MALE' : 'FEMALE';
  const years = role === 'CHILD' ? rng.int(0, 16) : rng.int(68, 94);
  const born = on.minus({ years, days: rng.int(1, 360) });
  return { role, givenName: rng.pick(gender === 'MALE' ? MALE_NAMES : FEMALE_NAMES), familyName, dateOfBirth: born.toISODate()!, gender, ...address };
}

function people(rng: Rng, pathway: PlannedCase['pathway'], on: DateTime): PlannedPerson[] {
  const familyName = rng.pick(ALL_SURNAMES);
  const outward = weighted(rng, OUTWARD_CODES.map(([code, , weight]) => [code, weight] as const));
  const address = {
    addressLine: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
    postcode: `${outward} ${rng.int(1, 9)}${POSTCODE_LETTERS[rng.int(0, 19)]}${POSTCODE_LETTERS[rng.int(0, 19)]}`,
  };
  if (pathway === 'ADULTS') return [person(rng, 'ADULT_AT_RISK', familyName, on, address)];
  return Array.from({ length: rng.chance(0.3) ? 2 : 1 }, () => person(rng, 'CHILD', familyName, on, address));
}

/** When a referral arrives: mostly in office hours on weekdays, some out of hours and at weekends (Europe/London). */
function receivedAt(rng: Rng, start: DateTime, end: DateTime): DateTime {
  const days = Math.ceil(end.diff(start, 'days').days);
  for (;;) {
    const day = start.plus({ days: rng.int(0, days - 1) });
    const weekend = day.weekday >= 6;
    if (weekend && !rng.chance(0.3)) continue;
    const hour = weekend || rng.chance(0.1) ? rng.int(0, 23) : rng.int(8, 17);
    const at = day.set({ hour, minute: rng.int(0, 59), second: rng.int(0, 59) });
    // Nothing in the last two hours: every case but the backlog is done by the end.
    if (at < end.minus({ hours: 2 })) return at;
  }
}

function groupsFor(rng: Rng, total: number): HistoryGroup[] {
  const groups = SHARES.flatMap(([group, share]) => Array.from({ length: Math.round(total * share) }, () => group));
  while (groups.length < total) groups.push('GREEN');
  return rng.shuffle(groups.slice(0, total));
}

export function planHistory(options: HistoryOptions): PlannedCase[] {
  const rng = createRng(options.seed ?? 'demo-history');
  const weeks = options.weeks ?? 26;
  const total = Math.max(1, Math.round(weeks * (options.perWeek ?? 3)));
  const end = DateTime.fromJSDate(options.end, { zone: 'Europe/London' });
  const start = end.minus({ weeks }).startOf('day');
  const plans = groupsFor(rng, total).map((group): PlannedCase => {
    const pathway = group !== 'INFORMATION_REQUEST' && rng.chance(0.2) ? 'ADULTS' : 'CHILDREN';
    const received = receivedAt(rng, start, end);
    const requester = group === 'INFORMATION_REQUEST' ? weighted(rng, REQUESTERS.map(([code, source, weight]) => [[code, source] as const, weight] as const)) : null;
    const source = requester ? requester[1] : weighted(rng, SOURCES[pathway].map(([value, weight]) => [value, weight] as const));
    const onTime = rng.chance(ON_TIME[group]);
    const afterHours = between(rng, [2, 30]);
    return {
      receivedAt: received.toJSDate(),
      group,
      pathway,
      source,
      requester: requester ? requester[0] : null,
      people: people(rng, pathway, received),
      ratingDelayMinutes: Math.round(between(rng, RATING_MINUTES[group])),
      timing: onTime ? { onTime, fraction: between(rng, [0.15, 0.95]) } : { onTime, lateHours: between(rng, LATE_HOURS[group]) },
      outcome: weighted(rng, OUTCOMES[group]),
      feedback: source.code === '9'
        ? { kind: 'WITHHELD', reason: 'ANONYMOUS_REFERRER', afterHours }
        : weighted(rng, [[{ kind: 'WITH_DECISION' }, 80], [{ kind: 'LATER', afterHours }, 14], [{ kind: 'WITHHELD', reason: 'REFERRER_UNREACHABLE', afterHours: afterHours + 48 }, 6]] as const),
      backlog: null,
    };
  });
  markBacklog(rng, plans, end.toJSDate());
  return plans.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/**
 * The backlog: AMBER and GREEN referrals of the last eight weeks left open, in the report's
 * proportions (about 100 AMBER to 175 GREEN). Taken from the AMBER and GREEN referrals received
 * then; where that changes a case's group, an older case is changed the other way, so the rating
 * mix stays as drawn.
 */
function markBacklog(rng: Rng, plans: PlannedCase[], end: Date): void {
  const wanted = { AMBER: Math.max(1, Math.round(plans.length * BACKLOG_SHARES.AMBER)), GREEN: Math.max(1, Math.round(plans.length * BACKLOG_SHARES.GREEN)) };
  const recent = (plan: PlannedCase) => plan.receivedAt.getTime() > end.getTime() - 56 * DAY_MS;
  const candidates = rng.shuffle(plans.filter((plan) => recent(plan) && (plan.group === 'AMBER' || plan.group === 'GREEN'))).slice(0, wanted.AMBER + wanted.GREEN);
  candidates.forEach((plan, index) => {
    const group = index < wanted.GREEN ? 'GREEN' : 'AMBER';
    if (plan.group !== group) {
      const older = plans.find((other) => !recent(other) && other.group === group && other.pathway === plan.pathway);
      if (older) older.group = plan.group;
      plan.group = group;
    }
    plan.backlog = { firstRating: group === 'AMBER' ? 'GREEN' : 'AMBER' };
  });
}
