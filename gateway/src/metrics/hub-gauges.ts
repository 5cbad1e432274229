import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '@mash/shared';
import { overdueByRag } from '../hub/overdue';
import { queueStats, type QueueStats } from '../screening/queue';

interface HubSnapshot {
  at: number;
  overdue: Awaited<ReturnType<typeof overdueByRag>>;
  queue: QueueStats;
}

/**
 * The hub's work as gauges, computed when scraped with the same functions `cases(overdue: true)`
 * and `domesticAbuseQueueStats` use (two indexed statements). One computation serves every gauge
 * of a scrape and every scrape for `cacheSeconds`, failures included, so a scrape storm or a
 * slow database costs the hub at most one pair of queries per period. When the hub cannot be
 * read the gauges are left out (no stale figures) and `mash_hub_stats_up` is 0.
 */
export function registerHubGauges(registry: Registry, hub: DataSource, options: { cacheSeconds: number; logger: Logger }): void {
  const ttl = options.cacheSeconds * 1000;
  let cached: { at: number; settled: boolean; value: Promise<HubSnapshot | null> } | undefined;
  const snapshot = (): Promise<HubSnapshot | null> => {
    const now = Date.now();
    if (cached && (!cached.settled || now - cached.at < ttl)) return cached.value;
    const entry = { at: now, settled: false, value: Promise.resolve<HubSnapshot | null>(null) };
    entry.value = load(hub, new Date(now), options.logger).finally(() => (entry.settled = true));
    cached = entry;
    return entry.value;
  };
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: L[], fill: (gauge: Gauge<L>, stats: HubSnapshot) => void) =>
    new Gauge<L>({
      name, help, labelNames, registers,
      async collect() {
        const stats = await snapshot();
        this.reset();
        if (stats) fill(this, stats);
      },
    });
  gauge('mash_cases_overdue', 'Open cases waiting for a decision past their due time, by current rating (UNRATED: not rated yet)', ['rag'], (g, { overdue }) => {
    for (const [rag, count] of Object.entries(overdue)) g.set({ rag }, count);
  });
  gauge('mash_da_screening_queue_waiting', 'Police domestic abuse notifications waiting to be screened', [], (g, { queue }) => g.set(queue.waiting));
  gauge('mash_da_screening_queue_oldest_wait_seconds', 'How long the oldest waiting notification has waited (0.1 h resolution; 0 when none waits)', [], (g, { queue }) => g.set((queue.oldestHours ?? 0) * 3600));
  gauge('mash_da_screening_queue_median_wait_seconds', 'Median wait of the waiting notifications (0.1 h resolution; 0 when none waits)', [], (g, { queue }) => g.set((queue.medianHours ?? 0) * 3600));
  gauge('mash_hub_stats_computed_timestamp_seconds', 'When the hub gauges were computed (they are reused for MASH_METRICS_CACHE_SECONDS)', [], (g, { at }) => g.set(at / 1000));
  new Gauge({
    name: 'mash_hub_stats_up', help: '1 when the hub gauges could be computed from the hub database at the last computation, else 0', registers,
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
}

async function load(hub: DataSource, now: Date, logger: Logger): Promise<HubSnapshot | null> {
  try {
    const [overdue, queue] = await Promise.all([overdueByRag(hub, now), queueStats(hub, now)]);
    return { at: now.getTime(), overdue, queue };
  } catch (error) {
    logger.warn('metrics.hub_stats_failed', { error: (error as Error).name, sqlState: (error as { code?: string }).code ?? null });
    return null;
  }
}
