import { SERVICES, type ServiceName } from './stack';
import { postgresBinaries, serverDatabases, startPrivatePostgres } from './postgres';

export interface Backing {
  /** What the services run on, for the figures printed. */
  mode: 'server' | 'private server' | 'embedded';
  databaseUrls: Partial<Record<ServiceName, string>>;
  /**
   * A deadline for the five services to be ready. Embedded, each creates its PGlite database
   * (Postgres's initdb in WebAssembly): 44-73 s seen for one file on the shared 2-core machine,
   * 163 s for two such files at once beside other work.
   */
  startupMs: number;
  drop(): Promise<void>;
}

/**
 * The databases of a stack whose databases the test leaves alone:
 * - fresh databases on the Postgres server TEST_DATABASE_URL names (as CI runs `npm test`);
 * - else, where Postgres is installed, a private server of the test's own (seconds to start);
 * - else (a bare machine) each service's own embedded PGlite under the stack's MASH_DATA_DIR, as
 *   `npm start` runs there. `MASH_FAULTS_EMBEDDED=true` asks for this mode anywhere.
 */
export async function defaultBacking(): Promise<Backing> {
  const server = process.env.TEST_DATABASE_URL;
  const embedded = process.env.MASH_FAULTS_EMBEDDED === 'true';
  if (server && !embedded) {
    const databases = serverDatabases(server, SERVICES);
    return { mode: 'server', databaseUrls: databases.urls as Backing['databaseUrls'], startupMs: 90_000, drop: databases.drop };
  }
  const bin = embedded ? null : postgresBinaries();
  if (bin) {
    const postgres = await startPrivatePostgres(bin);
    const databaseUrls = Object.fromEntries(SERVICES.map((name) => [name, postgres.url(`mash_${name === 'gateway' ? 'hub' : name.replace(/-/g, '_')}`)]));
    return { mode: 'private server', databaseUrls, startupMs: 90_000, drop: async () => postgres.remove() };
  }
  return { mode: 'embedded', databaseUrls: {}, startupMs: 300_000, drop: async () => undefined };
}
