import type { DataSource } from 'typeorm';
import { backlog, feedbackRate, METHODS, ragSplit, referralVolume, timeliness, weeks } from './case-figures';
import { notifications, screeningQueue } from './optional-figures';
import { REPORT_TIME_ZONE, reportPeriod } from './period';
import type { HubReport } from './report.type';
import { triangulation } from './triangulation';

/**
 * The hub's report for `from`..`to` (YYYY-MM-DD, Europe/London days, both included): every figure
 * counted from the hub's own tables in one read-only transaction, so the sections agree with each
 * other; each section carries its method. Throws BAD_USER_INPUT for bad dates.
 */
export async function buildHubReport(hub: DataSource, from: string, to: string, now: Date = new Date()): Promise<HubReport> {
  const period = reportPeriod(from, to, now);
  return hub.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    const referrals = await referralVolume(manager, period);
    const split = await ragSplit(manager, period);
    const timing = await timeliness(manager, period);
    const open = await backlog(manager, period);
    const feedback = await feedbackRate(manager, period);
    const screening = await screeningQueue(manager, period);
    const outbox = await notifications(manager, period);
    const found = await triangulation(manager, period);
    const weekly = await weeks(manager, period);
    return {
      from, to, timeZone: REPORT_TIME_ZONE, periodStart: period.start, periodEnd: period.end, generatedAt: now,
      referrals, ragSplit: split, timeliness: timing, backlog: open, feedback, screening, notifications: outbox, triangulation: found,
      weeks: weekly, weeksMethod: METHODS.weeks,
    };
  });
}
