import { round } from './case-figures';
import type { ReportPeriod } from './period';
import { tableExists, type Queryable } from './queryable';
import type { NotificationFigures, ScreeningQueueFigures } from './report.type';

/*
 * Sections over tables other parts of the hub own (the DA screening queue and the onward
 * notification outbox, migration DomesticAbuseScreening). A hub database without them still gets
 * its report: the section says "not available" instead of failing the whole report.
 */

const days = (value: unknown): number | null => (value === null || value === undefined ? null : round(Number(value)));

export const SCREENING_METHOD =
  'Police domestic-abuse notifications (standard and medium risk, da_notification). Waiting: received by the hub before the end of the period and not screened by then; ' +
  'age in days from the hub\'s receipt to the end of the period (median by linear interpolation). Screened in the period: screened_at within it.';

export async function screeningQueue(hub: Queryable, period: ReportPeriod): Promise<ScreeningQueueFigures> {
  if (!(await tableExists(hub, 'da_notification'))) {
    return { available: false, waiting: null, medianAgeDays: null, oldestAgeDays: null, olderThan28Days: null, screenedInPeriod: null, method: 'Not available: this hub database has no domestic-abuse screening queue (table da_notification).' };
  }
  const age = 'extract(epoch FROM $2 - n.received_at) / 86400';
  const [row]: Record<string, unknown>[] = await hub.query(
    `SELECT count(*) FILTER (WHERE waiting)::int AS waiting,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age}) FILTER (WHERE waiting) AS median_age,
       max(${age}) FILTER (WHERE waiting) AS oldest_age,
       count(*) FILTER (WHERE waiting AND ${age} > 28)::int AS over_28,
       count(*) FILTER (WHERE n.screened_at >= $1 AND n.screened_at < $2)::int AS screened
     FROM (SELECT *, received_at < $2 AND (screened_at IS NULL OR screened_at >= $2) AS waiting FROM da_notification) n`,
    [period.start, period.end],
  );
  return {
    available: true,
    waiting: Number(row.waiting),
    medianAgeDays: days(row.median_age),
    oldestAgeDays: days(row.oldest_age),
    olderThan28Days: Number(row.over_28),
    screenedInPeriod: Number(row.screened),
    method: SCREENING_METHOD,
  };
}

export const NOTIFICATIONS_METHOD =
  'Onward notifications from screening (onward_notification: Operation Encompass to schools, GPs). Delivered: delivered_at within the period; late: delivered after its due_at ' +
  '(for a school, the start of the next school day). Undelivered and overdue: made before the end of the period, not delivered by then, and past due_at then (failed, retrying or no recipient found).';

export async function notifications(hub: Queryable, period: ReportPeriod): Promise<NotificationFigures> {
  if (!(await tableExists(hub, 'onward_notification'))) {
    return { available: false, sent: null, late: null, undeliveredOverdue: null, method: 'Not available: this hub database has no notification outbox (table onward_notification).' };
  }
  const [row]: Record<string, number>[] = await hub.query(
    `SELECT count(*) FILTER (WHERE o.delivered_at >= $1 AND o.delivered_at < $2)::int AS sent,
       count(*) FILTER (WHERE o.delivered_at >= $1 AND o.delivered_at < $2 AND o.delivered_at > o.due_at)::int AS late,
       count(*) FILTER (WHERE o.created_at < $2 AND (o.delivered_at IS NULL OR o.delivered_at >= $2) AND o.due_at < $2)::int AS overdue
     FROM onward_notification o`,
    [period.start, period.end],
  );
  return { available: true, sent: row.sent, late: row.late, undeliveredOverdue: row.overdue, method: NOTIFICATIONS_METHOD };
}
