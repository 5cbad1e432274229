import { AGENCIES } from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { WorkingCalendar } from '../policy';
import { ActivityOrder, type UserActivity } from './activity.type';
import { nonWorkingDays } from './working-time';

/** The kinds counted as access to personal data: agency fetches and reads of the hub's case record. */
export const ACCESS_KINDS = ['AGENCY_FETCH', 'CASE_READ'] as const;

export interface ActivityQuery {
  from: Date;
  to: Date;
  userId: string | null;
  calendar: WorkingCalendar;
}

/**
 * Per-user summaries, counted in the database over the period's entries (recorded_at is indexed),
 * so a long log is never loaded: one statement per measure, all with the same WHERE.
 * "Outside the working calendar" is the local date among the period's non-working days (worked
 * out here from the calendar and bank holiday file) or the local time outside dayStarts-dayEnds.
 */
export async function userActivity(hub: DataSource, query: ActivityQuery): Promise<UserActivity[]> {
  const { calendar } = query;
  const params: unknown[] = [query.from, query.to, [...ACCESS_KINDS], query.userId];
  const where = `recorded_at >= $1 AND recorded_at < $2 AND kind = ANY($3::text[]) AND actor_id IS NOT NULL AND ($4::text IS NULL OR actor_id = $4)`;
  const local = `(recorded_at AT TIME ZONE $5)`;
  const run = <T>(sql: string, extra: unknown[] = []): Promise<T[]> => hub.query(sql, [...params, ...extra]) as Promise<T[]>;
  const [totals, subjects, roles, agencies, rules, days] = await Promise.all([
    run<Totals>(
      `SELECT actor_id AS "userId", count(*)::int AS accesses,
              count(*) FILTER (WHERE kind = 'AGENCY_FETCH' AND decision = 'ALLOWED')::int AS allowed,
              count(*) FILTER (WHERE kind = 'AGENCY_FETCH' AND decision = 'DENIED')::int AS denied,
              count(*) FILTER (WHERE kind = 'CASE_READ')::int AS "caseReads",
              count(DISTINCT case_id)::int AS cases,
              min(recorded_at) AS first, max(recorded_at) AS last,
              coalesce(array_agg(DISTINCT organisation) FILTER (WHERE organisation IS NOT NULL), '{}') AS organisations,
              count(*) FILTER (WHERE ${local}::date = ANY($6::date[]) OR ${local}::time < $7::time OR ${local}::time >= $8::time)::int AS outside
         FROM audit_log WHERE ${where} GROUP BY actor_id`,
      [calendar.timeZone, nonWorkingDays(query.from, query.to, calendar), calendar.dayStarts, calendar.dayEnds],
    ),
    run<{ userId: string; count: number }>(`SELECT actor_id AS "userId", count(DISTINCT subject)::int AS count FROM audit_log, unnest(subject_ids) AS subject WHERE ${where} GROUP BY actor_id`),
    run<{ userId: string; roles: string[] }>(`SELECT actor_id AS "userId", array_agg(DISTINCT role ORDER BY role) AS roles FROM audit_log, unnest(actor_roles) AS role WHERE ${where} GROUP BY actor_id`),
    run<{ userId: string; agency: string; allowed: number; denied: number }>(
      `SELECT actor_id AS "userId", agency, count(*) FILTER (WHERE decision = 'ALLOWED')::int AS allowed, count(*) FILTER (WHERE decision = 'DENIED')::int AS denied
         FROM audit_log WHERE ${where} AND kind = 'AGENCY_FETCH' AND agency IS NOT NULL GROUP BY actor_id, agency`,
    ),
    run<{ userId: string; rule: string; count: number }>(
      `SELECT actor_id AS "userId", coalesce(rule, '(none)') AS rule, count(*)::int AS count
         FROM audit_log WHERE ${where} AND kind = 'AGENCY_FETCH' AND decision = 'DENIED' GROUP BY actor_id, rule`,
    ),
    run<{ userId: string; date: string; count: number }>(
      `SELECT actor_id AS "userId", to_char(${local}::date, 'YYYY-MM-DD') AS date, count(*)::int AS count
         FROM audit_log WHERE ${where} GROUP BY actor_id, ${local}::date`,
      [calendar.timeZone],
    ),
  ]);
  const per = <T extends { userId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), row]);
    return map;
  };
  const subjectCounts = new Map(subjects.map((row) => [row.userId, row.count]));
  const roleLists = new Map(roles.map((row) => [row.userId, row.roles]));
  const byAgency = per(agencies);
  const byRule = per(rules);
  const byDay = per(days);
  return totals.map((row): UserActivity => {
    const busiest = (byDay.get(row.userId) ?? []).reduce<{ date: string; count: number } | null>(
      (best, day) => (!best || day.count > best.count || (day.count === best.count && day.date < best.date) ? day : best),
      null,
    );
    const agencyRows = byAgency.get(row.userId) ?? [];
    return {
      userId: row.userId,
      roles: roleLists.get(row.userId) ?? [],
      organisations: [...row.organisations].sort(),
      accesses: row.accesses,
      agencyFetchesAllowed: row.allowed,
      agencyFetchesDenied: row.denied,
      caseReads: row.caseReads,
      cases: row.cases,
      subjects: subjectCounts.get(row.userId) ?? 0,
      byAgency: AGENCIES.flatMap((agency) => agencyRows.filter((item) => item.agency === agency)).concat(agencyRows.filter((item) => !(AGENCIES as readonly string[]).includes(item.agency)))
        .map(({ agency, allowed, denied }) => ({ agency, allowed, denied })),
      denialsByRule: (byRule.get(row.userId) ?? []).map(({ rule, count }) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
      firstAccess: new Date(row.first).toISOString(),
      lastAccess: new Date(row.last).toISOString(),
      outsideWorkingHours: row.outside,
      busiestDay: { date: busiest?.date ?? '', accesses: busiest?.count ?? 0 },
    };
  });
}

interface Totals {
  userId: string;
  accesses: number;
  allowed: number;
  denied: number;
  caseReads: number;
  cases: number;
  first: Date;
  last: Date;
  organisations: string[];
  outside: number;
}

const MEASURE: Record<ActivityOrder, (user: UserActivity) => number> = {
  [ActivityOrder.ACCESSES]: (user) => user.accesses,
  [ActivityOrder.AGENCY_FETCHES]: (user) => user.agencyFetchesAllowed + user.agencyFetchesDenied,
  [ActivityOrder.DENIED_FETCHES]: (user) => user.agencyFetchesDenied,
  [ActivityOrder.OUTSIDE_WORKING_HOURS]: (user) => user.outsideWorkingHours,
  [ActivityOrder.CASES]: (user) => user.cases,
  [ActivityOrder.SUBJECTS]: (user) => user.subjects,
};

/** Largest first by the chosen measure, then by user id so the order is stable. */
export function sortActivity(users: UserActivity[], order: ActivityOrder): UserActivity[] {
  const measure = MEASURE[order];
  return [...users].sort((a, b) => measure(b) - measure(a) || a.userId.localeCompare(b.userId));
}
