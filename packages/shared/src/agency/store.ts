import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The hot path's way to the agency's database: plain `pg` on TypeORM's own pool, with every
 * statement prepared once per connection (a named statement) and rows returned as `pg` gives them,
 * no entity hydration. ORM repositories stay for migrations, seeds and the admin queries.
 */
export interface AgencyStore {
  query<T = Record<string, unknown>>(text: string, values: readonly unknown[]): Promise<T[]>;
}

/**
 * Every connection the store uses plans its prepared statements once (a generic plan), not at
 * each execution. PostgreSQL's default plans a prepared statement afresh with its parameter values
 * unless a generic plan looks no dearer, and for the record loads (one JSON document per person,
 * a dozen correlated subqueries) it never does: planning then cost 1.0-1.6 ms of a 0.3-0.6 ms
 * statement. The hot path's statements are keyed by ids and arrays whose size does not change the
 * best plan (the candidate query's GIN index scan is chosen with or without the values; the bench
 * prints the generic plan). Set per session, so it also applies to ORM queries later run on the
 * same connection: seeds and admin queries, none of which needs value-specific plans.
 */
const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';

export function agencyStore(dataSource: DataSource): AgencyStore {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `mash_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
    return name;
  };
  const planned = new WeakSet<PoolClient>();
  const run = async (config: QueryConfig): Promise<unknown[]> => {
    const pool = (dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) throw new Error('the agency database is not connected');
    const client = await pool.connect();
    let failed: Error | undefined;
    try {
      if (!planned.has(client)) {
        await client.query(GENERIC_PLANS);
        planned.add(client);
      }
      return (await client.query(config)).rows;
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      // As pool.query does: a connection whose statement failed is closed, not reused.
      client.release(failed);
    }
  };
  return {
    async query<T>(text: string, values: readonly unknown[]): Promise<T[]> {
      try {
        return (await run({ name: nameOf(text), text, values: [...values] })) as T[];
      } catch (error) {
        // 42P05: the session already holds this named statement though this connection never
        // prepared it (embedded PGlite keeps one session across reconnections): run it unnamed.
        // PGlite's socket drops the connection after the failed Parse; the pool opens a new one.
        if ((error as { code?: string }).code !== '42P05') throw error;
        for (let attempt = 1; ; attempt++) {
          try {
            return (await run({ text, values: [...values] })) as T[];
          } catch (retryError) {
            if (attempt >= 3 || !/Connection terminated/.test((retryError as Error).message)) throw retryError;
          }
        }
      }
    },
  };
}
