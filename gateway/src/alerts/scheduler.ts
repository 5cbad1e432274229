import { openDatabase, type AgencyName, type Database, type Logger } from '@mash/shared';
import type { DataSource } from 'typeorm';
import type { AlertConfig } from './config';
import { AlertScanner, type ScanReport } from './scanner';

/**
 * Scans for alerts every `intervalMs` in the running gateway, beside the notification dispatcher.
 * A pass never overlaps the last one; a pass that finds another gateway scanning skips (the lock
 * makes the scan single-flight across gateways). Opens the agencies' disclosure databases it is
 * given and closes them on stop.
 */
export class AlertScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private databases: Database[] = [];

  constructor(private readonly options: { hub: DataSource; config: AlertConfig; logger: Logger }) {}

  async start(): Promise<void> {
    const { hub, config, logger } = this.options;
    const logs: Partial<Record<AgencyName, DataSource>> = {};
    for (const [agency, url] of Object.entries(config.disclosureDatabaseUrls) as [AgencyName, string][]) {
      const database = await openDatabase({ service: `${agency}-alerts`, url, entities: [], migrations: [] });
      this.databases.push(database);
      logs[agency] = database.dataSource;
    }
    AlertScanner.for(hub).configure({ logger }).useDisclosureLogs(logs);
    if (config.intervalMs > 0) {
      this.timer = setInterval(() => void this.tick(), config.intervalMs);
      this.timer.unref();
    }
  }

  /** One pass now, unless one is running (then that one is waited for). */
  tick(): Promise<unknown> {
    if (this.running) return this.running;
    const { hub, logger } = this.options;
    this.running = AlertScanner.for(hub)
      .scan({ wait: false })
      .then((report: ScanReport) => {
        if (report.ran && report.raised > 0) logger.info('alerts_raised', { raised: report.raised, accessLogSeq: report.accessLogSeq });
      })
      .catch((error: Error) => logger.error('alert_scan_failed', { error: error.name, sqlState: (error as { code?: string }).code ?? null }))
      .finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    AlertScanner.for(this.options.hub).useDisclosureLogs({});
    await Promise.allSettled(this.databases.map((database) => database.close()));
    this.databases = [];
  }
}
