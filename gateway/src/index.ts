import { tracing } from './tracing';
import 'reflect-metadata';
import { createLogger } from '@mash/shared';
import { gatewayConfigFromEnv } from './config';
import { hubServices } from './hub/governance';
import { openHubDatabase } from './hub/database';
import { seedDemoCases } from './hub/seed/demo-cases';
import { startGateway } from './server';

const logger = createLogger('gateway');

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const hub = await openHubDatabase({ url: config.hubDatabaseUrl, dataDir: config.dataDir });
  if (config.seed) {
    const { inserted } = await seedDemoCases(hub.dataSource, hubServices(hub.dataSource).cases, { people: config.seedPeople, history: {} });
    logger.info('seed', { inserted });
  }
  const running = await startGateway({ config, hub: hub.dataSource, logger });
  logger.info('listening', { url: running.url, demoMode: config.demoMode, hubMode: hub.mode });
  const shutdown = async () => {
    await running.stop();
    await hub.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  logger.error('startup_failed', { error: error.name, message: error.message });
  process.exit(1);
});
