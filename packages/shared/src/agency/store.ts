import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
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
        const result = await pool.query({ name: nameOf(text), text, values: [...values] });
        return result.rows as T[];
      } catch (error) {
        // 42P05: the session already holds this named statement though this connection never
        // prepared it (embedded PGlite keeps one session across reconnections): run it unnamed.
        // PGlite's socket drops the connection after the failed Parse; the pool opens a new one.
        if ((error as { code?: string }).code !== '42P05') throw error;
        for (let attempt = 1; ; attempt++) {
          try {
            const result = await pool.query({ text, values: [...values] });
            return result.rows as T[];
          } catch (retryError) {
            if (attempt >= 3 || !/Connection terminated/.test((retryError as Error).message)) throw retryError;
          }
        }
      }
    },
  };
}
