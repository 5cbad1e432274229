import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '@mash/shared';

/**
 * TypeORM's logger for the hub database. TypeORM's own prints a failed query with its parameters
 * (people's names, dates of birth) to the console; this one logs the error's name and SQL state.
 */
export class HubQueryLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {}

  logQueryError(error: string | Error): void {
    const failure = typeof error === 'string' ? { name: 'Error' } : (error as Error & { code?: unknown });
    this.logger.error('hub_query_failed', { error: failure.name, sqlState: typeof (failure as { code?: unknown }).code === 'string' ? (failure as { code: string }).code : null });
  }

  logQuerySlow(time: number): void {
    this.logger.warn('hub_query_slow', { ms: time });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info('hub_migration', { message });
  }

  log(level: 'log' | 'info' | 'warn'): void {
    if (level === 'warn') this.logger.warn('hub_database_warning', {});
  }
}
