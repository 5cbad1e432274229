import fs from 'node:fs';
import path from 'node:path';
import { dataDirectory, openDatabase, optionalString, type Database, type DatabaseOptions } from '@mash/shared';

/**
 * A database as the command-line tools find it (`audit:verify`, `report`, `policy:diff`,
 * `policy:matrix`, `policy:simulate`): the server at the URL given, else the embedded database
 * `npm start` keeps in the data directory (MASH_DATA_DIR, default `.data`; the hub's in its `hub`
 * folder, each agency's in its own). The tools read it as it is: they neither create nor migrate it.
 */
export interface ToolDatabase {
  /** The server's URL, when one is given. */
  url: string | undefined;
  /** Where the embedded database is, or would be: for the tools' messages. */
  embeddedPath: string;
  /** A server is named, or the embedded database is there. */
  found: boolean;
  /** Opens it (only when `found`). Embedded PGlite takes one process at a time: stop embedded-mode services first. */
  open(service: string, options?: Partial<Pick<DatabaseOptions, 'entities' | 'poolSize'>>): Promise<Database>;
}

/** The database in `folder` of the data directory, or at `url` when that is set. */
export function toolDatabase(env: NodeJS.ProcessEnv, folder: string, url: string | undefined): ToolDatabase {
  const embeddedPath = path.join(dataDirectory(env), folder);
  return {
    url,
    embeddedPath,
    found: Boolean(url) || fs.existsSync(embeddedPath),
    open: (service, options = {}) => openDatabase({ service, url, embeddedPath, entities: options.entities ?? [], migrations: [], poolSize: options.poolSize ?? 1 }),
  };
}

/** The hub's database: HUB_DATABASE_URL, else the embedded `hub`. */
export function hubForTool(env: NodeJS.ProcessEnv): ToolDatabase {
  return toolDatabase(env, 'hub', optionalString('HUB_DATABASE_URL', env));
}
