import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * Empty embedded (PGlite) databases for tests, copied from one made once. PGlite.create on a new
 * folder (or memory://) runs Postgres's initdb in WebAssembly: about 10 s of CPU, 20 s and more on
 * a busy machine. Copying the folder of one made earlier by the same PGlite version, cleanly
 * closed, takes half a second and gives the same database. Kept under node_modules/.cache (which
 * `npm ci` empties) per PGlite version, so a new version never opens another's files. Used by the
 * packages' unit tests and, through test/support/embedded.ts, by the integration tests: one
 * template for the whole run.
 */
// The repository's root: this file is packages/shared/{src,dist}/__tests__/support/.
const ROOT = path.resolve(__dirname, '../../../../..');
const PGLITE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
const TEMPLATE = path.join(ROOT, 'node_modules/.cache/mash-test', `pglite-${PGLITE_VERSION}`);
const LOCK = `${TEMPLATE}.lock`;
/** A lock older than this was left by a run that died while making the template. */
const STALE_LOCK_MS = 180_000;

/** Makes `folder` (which must not exist) an empty embedded database, as openDatabase's embeddedPath. */
export async function emptyEmbeddedDatabase(folder: string): Promise<void> {
  if (fs.existsSync(folder)) throw new Error(`${folder} exists: an empty embedded database needs a new folder`);
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  fs.cpSync(await template(), folder, { recursive: true });
}

const ready = () => fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'));

/** The template's folder, made on first use; another jest worker making it meanwhile is waited for. */
async function template(): Promise<string> {
  while (!ready()) {
    fs.mkdirSync(path.dirname(TEMPLATE), { recursive: true });
    if (takeLock()) {
      try {
        if (!ready()) await makeTemplate();
      } finally {
        fs.rmSync(LOCK, { recursive: true, force: true });
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return TEMPLATE;
}

function takeLock(): boolean {
  try {
    fs.mkdirSync(LOCK);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** initdb into a folder of our own, closed cleanly, then renamed into place whole. */
async function makeTemplate(): Promise<void> {
  const building = fs.mkdtempSync(`${TEMPLATE}.building-`);
  try {
    const pglite = await PGlite.create(path.join(building, 'data'));
    await pglite.close();
    try {
      fs.renameSync(path.join(building, 'data'), TEMPLATE);
    } catch (error) {
      // Another run that found the lock stale made it meanwhile: theirs is as good.
      if (!ready()) throw error;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}
