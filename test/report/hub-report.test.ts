import 'reflect-metadata';
import { openTestDatabase, type Database } from '@mash/shared';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { seedDemoCases } from '@mash/gateway/dist/hub/seed/demo-cases';
import { buildHubReport, type HubReport } from '@mash/gateway/dist/report';
import { recordCaseFindings } from '@mash/gateway/dist/report/case-findings';

/**
 * The report's figures against counts made here, directly in SQL, on the demo seed with its six
 * months of history: the period's bounds are computed by PostgreSQL (AT TIME ZONE), the groups by
 * a CASE written here, and medians and percentiles in JavaScript from the raw durations.
 */
const DAY = 86_400_000;

/** Linear interpolation between closest ranks (what percentile_cont computes), written independently. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low);
}

const GROUP = `CASE WHEN kind = 'INFORMATION_REQUEST' THEN 'INFORMATION_REQUEST' WHEN rag IS NULL THEN 'UNRATED' ELSE rag END`;

describe("the hub's report counts what the database holds", () => {
  let hub: Database;
  let now: Date;
  const iso = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date);

  beforeAll(async () => {
    hub = await openTestDatabase({ service: 'hub', entities: hubEntities, migrations: hubMigrations });
    const { cases } = hubServices(hub.dataSource);
    await seedDemoCases(hub.dataSource, cases, { people: 200, history: {} });
    // A picture viewed: two children found missing education, one not known to health.
    const [someCase] = await hub.dataSource.query(`SELECT c.id, array_agg(s.id) AS subjects FROM mash_case c JOIN mash_subject s ON s.case_id = c.id GROUP BY c.id HAVING count(*) >= 2 LIMIT 1`);
    const [a, b] = someCase.subjects as string[];
    await recordCaseFindings(hub.dataSource, someCase.id, [
      { subjectId: null, code: 'PICTURE_VIEWED' }, { subjectId: a, code: 'CHILD_MISSING_EDUCATION' }, { subjectId: b, code: 'CHILD_MISSING_EDUCATION' }, { subjectId: a, code: 'CHILD_NOT_KNOWN_TO_HEALTH' },
    ]);
    // Seen again: a second sighting is not a second finding.
    await recordCaseFindings(hub.dataSource, someCase.id, [{ subjectId: null, code: 'PICTURE_VIEWED' }, { subjectId: a, code: 'CHILD_MISSING_EDUCATION' }]);
    now = new Date();
  });
  afterAll(() => hub?.close());

  async function bounds(from: string, to: string): Promise<{ start: Date; end: Date }> {
    const [row] = await hub.dataSource.query(
      `SELECT ($1::date::timestamp AT TIME ZONE 'Europe/London') AS start, LEAST((($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'), $3::timestamptz) AS end`,
      [from, to, now],
    );
    return { start: new Date(row.start), end: new Date(row.end) };
  }

  async function check(report: HubReport, from: string, to: string): Promise<void> {
    const { start, end } = await bounds(from, to);
    expect(report.periodStart.toISOString()).toBe(start.toISOString());
    expect(report.periodEnd.toISOString()).toBe(end.toISOString());
    const received = `received_at >= $1 AND received_at < $2`;

    const volume = await hub.dataSource.query(`SELECT pathway, kind, count(*)::int AS count FROM mash_case WHERE ${received} GROUP BY 1, 2`, [start, end]);
    expect(report.referrals.rows.map((row) => ({ pathway: row.pathway, kind: row.kind, count: row.count })).sort((x, y) => `${x.pathway}${x.kind}`.localeCompare(`${y.pathway}${y.kind}`)))
      .toEqual([...volume].sort((x: any, y: any) => `${x.pathway}${x.kind}`.localeCompare(`${y.pathway}${y.kind}`)));

    const raw: any[] = await hub.dataSource.query(
      `SELECT ${GROUP} AS grp, received_at, decided_at, due_by, (SELECT min(rated_at) FROM rag_rating r WHERE r.case_id = c.id) AS first_rated FROM mash_case c WHERE ${received}`,
      [start, end],
    );
    expect(report.ragSplit.total).toBe(raw.length);
    for (const row of report.ragSplit.rows) expect({ group: row.group, count: row.count }).toEqual({ group: row.group, count: raw.filter((c) => c.grp === row.group).length });
    const count = (group: string) => raw.filter((c) => c.grp === group).length;
    expect(report.ragSplit.redOrAmberShare).toBeCloseTo((count('RED') + count('AMBER')) / raw.length, 10);
    expect(report.ragSplit.greenShare).toBeCloseTo((count('GREEN') + count('INFORMATION_REQUEST')) / raw.length, 10);

    for (const row of report.timeliness.rows) {
      const cohort = raw.filter((c) => c.grp === row.group);
      const rated = cohort.filter((c) => c.first_rated && new Date(c.first_rated) < end);
      const decided = cohort.filter((c) => c.decided_at && new Date(c.decided_at) < end);
      const hours = (from: Date, to: Date) => (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;
      expect(row.received).toBe(cohort.length);
      expect(row.rated).toBe(rated.length);
      expect(row.decided).toBe(decided.length);
      expect(row.decidedWithinTimescale).toBe(decided.filter((c) => new Date(c.decided_at) <= new Date(c.due_by)).length);
      // The report rounds hours to 2 places: at most half a hundredth off, plus floating-point error (a run saw 0.0050000000000000044).
      const close = (actual: number | null, expected: number | null) => (expected === null ? expect(actual).toBeNull() : expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.005 + 1e-9));
      close(row.medianHoursToRating, percentile(rated.map((c) => hours(c.received_at, c.first_rated)), 0.5));
      close(row.p90HoursToRating, percentile(rated.map((c) => hours(c.received_at, c.first_rated)), 0.9));
      close(row.medianHoursToDecision, percentile(decided.map((c) => hours(c.received_at, c.decided_at)), 0.5));
      close(row.p90HoursToDecision, percentile(decided.map((c) => hours(c.received_at, c.decided_at)), 0.9));
    }

    const open = await hub.dataSource.query(
      `SELECT ${GROUP} AS grp, count(*)::int AS open, count(*) FILTER (WHERE (decided_at IS NULL OR decided_at >= $1) AND due_by < $1)::int AS overdue
       FROM mash_case WHERE received_at < $1 AND (closed_at IS NULL OR closed_at >= $1) GROUP BY 1`,
      [end],
    );
    for (const row of report.backlog.rows) {
      const expected = open.find((o: any) => o.grp === row.group);
      expect({ group: row.group, open: row.open, overdue: row.overdue }).toEqual({ group: row.group, open: expected?.open ?? 0, overdue: expected?.overdue ?? 0 });
    }

    const [feedback] = await hub.dataSource.query(
      `SELECT count(*)::int AS closed, count(*) FILTER (WHERE feedback_sent_at IS NOT NULL OR feedback_withheld_reason IS NOT NULL)::int AS told FROM mash_case WHERE closed_at >= $1 AND closed_at < $2`,
      [start, end],
    );
    expect(report.feedback.closed).toBe(feedback.closed);
    expect(report.feedback.feedbackSent + report.feedback.feedbackWithheld).toBe(feedback.told);
    expect(report.feedback.rate).toBe(feedback.closed ? feedback.told / feedback.closed : null);

    const findings = await hub.dataSource.query(`SELECT code, count(*)::int AS count FROM case_finding WHERE recorded_at >= $1 AND recorded_at < $2 GROUP BY 1`, [start, end]);
    const found = (code: string) => findings.find((f: any) => f.code === code)?.count ?? 0;
    expect(report.triangulation.picturesViewed).toBe(found('PICTURE_VIEWED'));
    for (const row of report.triangulation.rows) expect({ code: row.code, children: row.children }).toEqual({ code: row.code, children: found(row.code) });

    // The screening queue and the outbox belong to other parts of the hub: counted when their tables are there.
    const [tables] = await hub.dataSource.query(`SELECT to_regclass('da_notification') IS NOT NULL AS screening, to_regclass('onward_notification') IS NOT NULL AS outbox`);
    expect(report.screening.available).toBe(tables.screening);
    expect(report.notifications.available).toBe(tables.outbox);
    if (tables.screening) {
      const [queue] = await hub.dataSource.query(
        `SELECT count(*) FILTER (WHERE received_at < $2 AND (screened_at IS NULL OR screened_at >= $2))::int AS waiting,
                count(*) FILTER (WHERE received_at < $2 - interval '28 days' AND (screened_at IS NULL OR screened_at >= $2))::int AS over_28,
                count(*) FILTER (WHERE screened_at >= $1 AND screened_at < $2)::int AS screened FROM da_notification`,
        [start, end],
      );
      expect({ waiting: report.screening.waiting, over28: report.screening.olderThan28Days, screened: report.screening.screenedInPeriod }).toEqual({ waiting: queue.waiting, over28: queue.over_28, screened: queue.screened });
    }
    if (tables.outbox) {
      const [outbox] = await hub.dataSource.query(
        `SELECT count(*) FILTER (WHERE delivered_at >= $1 AND delivered_at < $2)::int AS sent, count(*) FILTER (WHERE delivered_at >= $1 AND delivered_at < $2 AND delivered_at > due_at)::int AS late FROM onward_notification`,
        [start, end],
      );
      expect({ sent: report.notifications.sent, late: report.notifications.late }).toEqual({ sent: outbox.sent, late: outbox.late });
    }

    // Week by week: what was received adds up to the period's total, and the last week's backlog is the backlog.
    expect(report.weeks.reduce((sum, week) => sum + week.groups.reduce((s, g) => s + g.received, 0), 0)).toBe(raw.length);
    const lastWeek = report.weeks[report.weeks.length - 1];
    for (const group of lastWeek.groups) expect(group.openAtEnd).toBe(report.backlog.rows.find((row) => row.group === group.group)!.open);
  }

  it('matches over the six months of the demo history, to today', async () => {
    const from = iso(new Date(now.getTime() - 183 * DAY));
    const to = iso(now);
    const report = await buildHubReport(hub.dataSource, from, to, now);
    await check(report, from, to);
    // The demo history is there to be measured: the shares of the hub's own report, a backlog, feedback, a finding.
    expect(report.ragSplit.total).toBeGreaterThan(60);
    expect(report.ragSplit.redOrAmberShare!).toBeGreaterThan(0.38);
    expect(report.ragSplit.redOrAmberShare!).toBeLessThan(0.52);
    expect(report.ragSplit.rows.find((row) => row.group === 'INFORMATION_REQUEST')!.share!).toBeGreaterThan(0.05);
    expect(report.backlog.rows.find((row) => row.group === 'AMBER')!.open).toBeGreaterThan(0);
    expect(report.backlog.rows.find((row) => row.group === 'GREEN')!.open).toBeGreaterThan(0);
    expect(report.feedback.rate).toBe(1);
    expect(report.triangulation.rows.find((row) => row.code === 'CHILD_MISSING_EDUCATION')!.children).toBe(2);
    const red = report.timeliness.rows.find((row) => row.group === 'RED')!;
    expect(red.withinTimescaleShare!).toBeGreaterThan(0.7);
  });

  it('matches over two months in the middle, where the backlog is counted in the past', async () => {
    const from = iso(new Date(now.getTime() - 120 * DAY));
    const to = iso(new Date(now.getTime() - 60 * DAY));
    const report = await buildHubReport(hub.dataSource, from, to, now);
    await check(report, from, to);
    expect(report.periodEnd.getTime()).toBeLessThan(now.getTime());
    expect(report.weeks.length).toBe(9);
  });
});
