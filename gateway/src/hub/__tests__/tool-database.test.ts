import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptyEmbeddedDatabase } from '@mash/shared/dist/__tests__/support/embedded-template';
import { hubForTool, toolDatabase } from '../tool-database';

/**
 * How the command-line tools find a database: the URL when given, else the embedded one in the
 * data directory, else none (each tool then says where it looked). The tools' own tests read the
 * hub on the Postgres server when there is one; the embedded hub is opened here.
 */
describe('the database a command-line tool reads', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-tool-db-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is none when no URL is set and nothing is in the data directory, naming where it looked', () => {
    const found = hubForTool({ MASH_DATA_DIR: dataDir, HUB_DATABASE_URL: '  ' });
    expect(found).toMatchObject({ found: false, url: undefined, embeddedPath: path.join(dataDir, 'hub') });
    expect(toolDatabase({ MASH_DATA_DIR: dataDir }, 'police', undefined)).toMatchObject({ found: false, embeddedPath: path.join(dataDir, 'police') });
  });

  it('is the server when HUB_DATABASE_URL is set, whatever the data directory holds', () => {
    const url = 'postgres://hub@db.internal:5432/hub';
    expect(hubForTool({ MASH_DATA_DIR: dataDir, HUB_DATABASE_URL: url })).toMatchObject({ found: true, url });
  });

  it('opens the embedded database npm start leaves in the data directory, with one connection', async () => {
    await emptyEmbeddedDatabase(path.join(dataDir, 'hub'));
    const found = hubForTool({ MASH_DATA_DIR: dataDir });
    expect(found).toMatchObject({ found: true, url: undefined });
    const db = await found.open('tool-test');
    try {
      expect(db.mode).toBe('embedded');
      expect(await db.dataSource.query('SELECT current_database() AS name, 6 * 7 AS answer')).toEqual([{ name: expect.any(String), answer: 42 }]);
    } finally {
      await db.close();
    }
  });
});
