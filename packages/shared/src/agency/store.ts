import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The hot path's way to the agency's database: plain `pg` on TypeORM's own pool, with every
 * statement prepared once per connection (a named statement) and rows returned as `pg` gives them,
 * no entity hydration. ORM repositories stay for migrations, seeds and the admin queries.
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
      const result = await pool.query({ name: nameOf(text), text, values: [...values] });
      return result.rows as T[];
    },
  };
}
