import type { DataSource } from 'typeorm';
import { DomesticAbuseNotification } from './entities/da-notification.entity';
import { ScreeningStatus } from './entities/enums';

const HOUR_MS = 3_600_000;

/** Whole hours a notification waited: until it was screened, or until `now` while it waits. */
export function waitingHours(notification: Pick<DomesticAbuseNotification, 'receivedAt' | 'screenedAt'>, now: Date): number {
  const until = notification.screenedAt ?? now;
  return Math.max(0, Math.floor((until.getTime() - notification.receivedAt.getTime()) / HOUR_MS));
}

/** The queue in the order it is worked: oldest received first. */
export function queue(hub: DataSource, status: ScreeningStatus, limit: number): Promise<DomesticAbuseNotification[]> {
  return hub.getRepository(DomesticAbuseNotification).find({
    where: { status },
    order: { receivedAt: 'ASC', policeReference: 'ASC' },
    take: Math.min(Math.max(limit, 1), 500),
  });
}

export interface QueueStats {
  asOf: Date;
  waiting: number;
  waitingStandard: number;
  waitingMedium: number;
  waitingWithChildren: number;
  /** Hours; null when nothing waits. */
  oldestHours: number | null;
  medianHours: number | null;
  over7Days: number;
  over28Days: number;
  screenedLast7Days: number;
}

/** Counts and ages of the waiting notifications at `now`, in one statement (the report uses it too). */
export async function queueStats(hub: DataSource, now = new Date()): Promise<QueueStats> {
  const [row] = await hub.query(
    `SELECT count(*) FILTER (WHERE status = 'WAITING') AS waiting,
            count(*) FILTER (WHERE status = 'WAITING' AND dash_risk = 'STANDARD') AS standard,
            count(*) FILTER (WHERE status = 'WAITING' AND dash_risk = 'MEDIUM') AS medium,
            count(*) FILTER (WHERE status = 'WAITING' AND children_present) AS children,
            max(extract(epoch FROM $1::timestamptz - received_at)) FILTER (WHERE status = 'WAITING') AS oldest,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $1::timestamptz - received_at)) FILTER (WHERE status = 'WAITING') AS median,
            count(*) FILTER (WHERE status = 'WAITING' AND received_at < $1::timestamptz - interval '7 days') AS over7,
            count(*) FILTER (WHERE status = 'WAITING' AND received_at < $1::timestamptz - interval '28 days') AS over28,
            count(*) FILTER (WHERE status = 'SCREENED' AND screened_at >= $1::timestamptz - interval '7 days') AS screened7
       FROM da_notification`,
    [now],
  );
  const hours = (seconds: string | number | null) => (seconds === null ? null : Math.round((Number(seconds) / 3600) * 10) / 10);
  return {
    asOf: now,
    waiting: Number(row.waiting),
    waitingStandard: Number(row.standard),
    waitingMedium: Number(row.medium),
    waitingWithChildren: Number(row.children),
    oldestHours: hours(row.oldest),
    medianHours: hours(row.median),
    over7Days: Number(row.over7),
    over28Days: Number(row.over28),
    screenedLast7Days: Number(row.screened7),
  };
}
