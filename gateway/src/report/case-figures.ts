import type { Queryable } from './queryable';
import { Pathway } from '../hub/entities/enums';
import type { ReportPeriod } from './period';
import { ReportGroup, type Backlog, type FeedbackRate, type GroupShare, type RagSplit, type ReferralVolume, type ReportWeek, type Timeliness, type TimelinessRow } from './report.type';

/** Every group, in the order the report shows them. */
export const GROUPS: readonly ReportGroup[] = [ReportGroup.RED, ReportGroup.AMBER, ReportGroup.GREEN, ReportGroup.INFORMATION_REQUEST, ReportGroup.UNRATED];

/** A case's group: information requests apart whatever their rating, else the current rating. */
export const GROUP_SQL = `CASE WHEN c.kind = 'INFORMATION_REQUEST' THEN 'INFORMATION_REQUEST' WHEN c.rag IS NULL THEN 'UNRATED' ELSE c.rag END`;

const RECEIVED_IN_PERIOD = 'c.received_at >= $1 AND c.received_at < $2';
const PERIOD = 'Received in the period: mash_case.received_at from the start of the first day to the end of the last (Europe/London), or to the time of the report if sooner.';
const GROUPING = 'Grouped by the rating each case has now (ragHistory keeps earlier ones); information requests apart whatever their rating.';

export const METHODS = {
  referrals: `${PERIOD} Counted by pathway and by kind (referral or information request).`,
  ragSplit: `${PERIOD} ${GROUPING} Share = the group's count / all received. RED or AMBER share = (RED + AMBER) / all; GREEN share = (GREEN advice and signposting + information requests) / all; unrated cases are in neither.`,
  timeliness: `${PERIOD} ${GROUPING} Hours to rating: from received_at to the first rating in ragHistory, for those rated by the end of the period. Hours to decision: from received_at to decided_at, for those decided by the end of the period. Median and 90th percentile by linear interpolation (PostgreSQL percentile_cont). Within timescale: decided_at on or before the case's dueBy (the due time of its current rating, set by the ISA policy's timescales).`,
  backlog: `Cases received before the end of the period and not closed by then (closed_at null or later). ${GROUPING} Awaiting decision: no decided_at by then. Overdue: awaiting decision with dueBy before then. Oldest: days from the oldest open case's receipt to the end of the period.`,
  feedback: 'Cases closed in the period (closed_at within it). Rate = (cases with feedback sent, feedbackSentAt set, + cases with a recorded reason for none, feedbackWithheldReason set) / all closed.',
  weeks: `Weeks of 7 days from the first day of the period (Europe/London); the last may be shorter. ${GROUPING} Received: received_at in the week. Decided within timescale: of those, decided by the end of the period on or before dueBy, over those decided. Open at the end: received before the week's end and not closed by then.`,
};

const rounded = (value: unknown): number | null => (value === null || value === undefined ? null : round(Number(value)));
const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
export const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

export async function referralVolume(hub: Queryable, period: ReportPeriod): Promise<ReferralVolume> {
  const rows: { pathway: Pathway; kind: string; count: number }[] = await hub.query(
    `SELECT c.pathway, c.kind, count(*)::int AS count FROM mash_case c WHERE ${RECEIVED_IN_PERIOD} GROUP BY 1, 2 ORDER BY 1, 2`,
    [period.start, period.end],
  );
  return { total: rows.reduce((sum, row) => sum + row.count, 0), rows, method: METHODS.referrals };
}

export async function ragSplit(hub: Queryable, period: ReportPeriod): Promise<RagSplit> {
  const counted: { grp: ReportGroup; count: number }[] = await hub.query(
    `SELECT ${GROUP_SQL} AS grp, count(*)::int AS count FROM mash_case c WHERE ${RECEIVED_IN_PERIOD} GROUP BY 1`,
    [period.start, period.end],
  );
  const count = (group: ReportGroup) => counted.find((row) => row.grp === group)?.count ?? 0;
  const total = counted.reduce((sum, row) => sum + row.count, 0);
  const rows: GroupShare[] = GROUPS.map((group) => ({ group, count: count(group), share: share(count(group), total) }));
  return {
    total,
    rows,
    redOrAmberShare: share(count(ReportGroup.RED) + count(ReportGroup.AMBER), total),
    greenShare: share(count(ReportGroup.GREEN) + count(ReportGroup.INFORMATION_REQUEST), total),
    method: METHODS.ragSplit,
  };
}

export async function timeliness(hub: Queryable, period: ReportPeriod): Promise<Timeliness> {
  const toRating = 'extract(epoch FROM first_rated - received_at) / 3600';
  const toDecision = 'extract(epoch FROM decided_at - received_at) / 3600';
  const rated = 'FILTER (WHERE first_rated < $2)';
  const decided = 'FILTER (WHERE decided_at < $2)';
  const rows: Record<string, unknown>[] = await hub.query(
    `WITH cohort AS (
       SELECT ${GROUP_SQL} AS grp, c.received_at, c.decided_at, c.due_by,
              (SELECT min(r.rated_at) FROM rag_rating r WHERE r.case_id = c.id) AS first_rated
       FROM mash_case c WHERE ${RECEIVED_IN_PERIOD}
     )
     SELECT grp, count(*)::int AS received,
       count(*) ${rated}::int AS rated,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${toRating}) ${rated} AS median_rating,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${toRating}) ${rated} AS p90_rating,
       count(*) ${decided}::int AS decided,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${toDecision}) ${decided} AS median_decision,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY ${toDecision}) ${decided} AS p90_decision,
       count(*) FILTER (WHERE decided_at < $2 AND decided_at <= due_by)::int AS within
     FROM cohort GROUP BY grp`,
    [period.start, period.end],
  );
  const byGroup = new Map(rows.map((row) => [row.grp as ReportGroup, row]));
  return {
    rows: GROUPS.map((group): TimelinessRow => {
      const row = byGroup.get(group) ?? {};
      const decidedCount = Number(row.decided ?? 0);
      const within = Number(row.within ?? 0);
      return {
        group,
        received: Number(row.received ?? 0),
        rated: Number(row.rated ?? 0),
        medianHoursToRating: rounded(row.median_rating),
        p90HoursToRating: rounded(row.p90_rating),
        decided: decidedCount,
        medianHoursToDecision: rounded(row.median_decision),
        p90HoursToDecision: rounded(row.p90_decision),
        decidedWithinTimescale: within,
        withinTimescaleShare: share(within, decidedCount),
      };
    }),
    method: METHODS.timeliness,
  };
}

export async function backlog(hub: Queryable, period: ReportPeriod): Promise<Backlog> {
  const awaiting = '(c.decided_at IS NULL OR c.decided_at >= $1)';
  const rows: Record<string, unknown>[] = await hub.query(
    `SELECT ${GROUP_SQL} AS grp, count(*)::int AS open,
       count(*) FILTER (WHERE ${awaiting})::int AS awaiting,
       count(*) FILTER (WHERE ${awaiting} AND c.due_by < $1)::int AS overdue,
       max(extract(epoch FROM $1 - c.received_at)) / 86400 AS oldest_days
     FROM mash_case c WHERE c.received_at < $1 AND (c.closed_at IS NULL OR c.closed_at >= $1) GROUP BY 1`,
    [period.end],
  );
  const byGroup = new Map(rows.map((row) => [row.grp as ReportGroup, row]));
  const groupRows = GROUPS.map((group) => {
    const row = byGroup.get(group) ?? {};
    return { group, open: Number(row.open ?? 0), awaitingDecision: Number(row.awaiting ?? 0), overdue: Number(row.overdue ?? 0), oldestDays: rounded(row.oldest_days) };
  });
  return { asAt: period.end, total: groupRows.reduce((sum, row) => sum + row.open, 0), rows: groupRows, method: METHODS.backlog };
}

export async function feedbackRate(hub: Queryable, period: ReportPeriod): Promise<FeedbackRate> {
  const [row]: { closed: number; sent: number; withheld: number }[] = await hub.query(
    `SELECT count(*)::int AS closed,
       count(*) FILTER (WHERE c.feedback_sent_at IS NOT NULL)::int AS sent,
       count(*) FILTER (WHERE c.feedback_sent_at IS NULL AND c.feedback_withheld_reason IS NOT NULL)::int AS withheld
     FROM mash_case c WHERE c.closed_at >= $1 AND c.closed_at < $2`,
    [period.start, period.end],
  );
  return {
    closed: row.closed,
    feedbackSent: row.sent,
    feedbackWithheld: row.withheld,
    noFeedback: row.closed - row.sent - row.withheld,
    rate: share(row.sent + row.withheld, row.closed),
    method: METHODS.feedback,
  };
}

export async function weeks(hub: Queryable, period: ReportPeriod): Promise<ReportWeek[]> {
  if (period.weeks.length === 0) return [];
  const inWeek = 'c.received_at >= w.s AND c.received_at < w.e';
  const decided = `${inWeek} AND c.decided_at < $3`;
  const rows: { week: number; grp: ReportGroup; received: number; decided: number; within: number; open_at_end: number }[] = await hub.query(
    `SELECT w.i::int AS week, ${GROUP_SQL} AS grp,
       count(*) FILTER (WHERE ${inWeek})::int AS received,
       count(*) FILTER (WHERE ${decided})::int AS decided,
       count(*) FILTER (WHERE ${decided} AND c.decided_at <= c.due_by)::int AS within,
       count(*) FILTER (WHERE c.received_at < w.e AND (c.closed_at IS NULL OR c.closed_at >= w.e))::int AS open_at_end
     FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS w(s, e, i)
     JOIN mash_case c ON c.received_at < w.e AND (c.received_at >= w.s OR c.closed_at IS NULL OR c.closed_at >= w.e)
     GROUP BY 1, 2`,
    [period.weeks.map((week) => week.start.toISOString()), period.weeks.map((week) => week.end.toISOString()), period.end],
  );
  return period.weeks.map((week, index) => ({
    from: week.from,
    end: week.end,
    groups: GROUPS.map((group) => {
      const row = rows.find((candidate) => candidate.week === index + 1 && candidate.grp === group);
      const decidedCount = row?.decided ?? 0;
      return {
        group,
        received: row?.received ?? 0,
        decided: decidedCount,
        decidedWithinTimescale: row?.within ?? 0,
        withinTimescaleShare: share(row?.within ?? 0, decidedCount),
        openAtEnd: row?.open_at_end ?? 0,
      };
    }),
  }));
}
