import { createHash } from 'node:crypto';
import pg, { type Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The hot path's way to the agency's database: plain `pg` on TypeORM's own pool, with every
 * statement prepared once per connection (a named statement) and rows returned as `pg` gives them,
 * no entity hydration. ORM repositories stay for migrations, seeds and the admin queries. An
 * agency's service opens its database with generic plans (`planCacheMode`, database.ts), so a
 * prepared statement is planned once per connection, not at every execution.
 */
export interface AgencyStore {
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[]): Promise<T[]>;
}

const TEXT_ARRAY = 1009;
const VARCHAR_ARRAY = 1015;
const typeParser = pg.types.getTypeParser as (oid: number, format: 'text') => (value: string) => unknown;
const libraryTextArray = typeParser(TEXT_ARRAY, 'text');

/**
 * A `text[]` as PostgreSQL writes it, parsed by slicing where that is exact: a one-dimensional
 * array with no backslash in it. PostgreSQL quotes an element that is empty, reads NULL, or holds
 * a quote, backslash, comma, brace or white space, and escapes quotes and backslashes inside
 * quotes; with no backslash anywhere, no element holds a quote, so each quoted element ends at the
 * next quote and each other one at the next comma. Anything else (escapes, nested arrays, bounds,
 * SQL NULL elements) goes to pg's own parser. Candidate rows carry their `blocking_keys`
 * (postcode keys hold a space, so are quoted): with 70 candidates, pg's character-by-character
 * parser was 8 % of an agency's CPU.
 */
export function parseTextArray(value: string): unknown {
  const last = value.length - 1;
  if (value.charCodeAt(0) !== 123 || value.charCodeAt(last) !== 125 || value.indexOf('\\') !== -1 || value.indexOf('{', 1) !== -1) return libraryTextArray(value);
  const items: string[] = [];
  let at = 1;
  while (at < last) {
    if (value.charCodeAt(at) === 34) {
      const close = value.indexOf('"', at + 1);
      items.push(value.slice(at + 1, close));
      at = close + 2;
    } else {
      const comma = value.indexOf(',', at);
      const item = value.slice(at, comma === -1 ? last : comma);
      if (item.length === 4 && item.toUpperCase() === 'NULL') return libraryTextArray(value);
      items.push(item);
      at = comma === -1 ? last : comma + 1;
    }
  }
  return items;
}

const HOT_PATH_TYPES = {
  getTypeParser: (oid: number, format?: string) =>
    (format ?? 'text') === 'text' && (oid === TEXT_ARRAY || oid === VARCHAR_ARRAY) ? parseTextArray : pg.types.getTypeParser(oid as never, format as 'text'),
} as pg.CustomTypesConfig;

export function agencyStore(dataSource: DataSource): AgencyStore {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `mash_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
    return name;
  };
  return {
    async query<T>(text: string, values: readonly unknown[]): Promise<T[]> {
      const pool = (dataSource.driver as unknown as { master?: Pool }).master;
      if (!pool) throw new Error('the agency database is not connected');
      try {
        const result = await pool.query({ name: nameOf(text), text, values: [...values], types: HOT_PATH_TYPES });
        return result.rows as T[];
      } catch (error) {
        // 42P05: the session already holds this named statement though this connection never
        // prepared it (embedded PGlite keeps one session across reconnections): run it unnamed.
        // PGlite's socket drops the connection after the failed Parse; the pool opens a new one.
        if ((error as { code?: string }).code !== '42P05') throw error;
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await pool.query({ text, values: [...values], types: HOT_PATH_TYPES });
            return result.rows as T[];
          } catch (retryError) {
            if (attempt >= 3 || !/Connection terminated/.test((retryError as Error).message)) throw retryError;
          }
        }
      }
    },
  };
}
