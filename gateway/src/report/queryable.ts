import type { EntityManager } from 'typeorm';

/** What a report section needs of the database: a data source, or the report's transaction. */
export type Queryable = Pick<EntityManager, 'query'>;

/** Whether the hub's database has this table (sections over tables a hub may lack check first). */
export async function tableExists(hub: Queryable, table: string): Promise<boolean> {
  const [row]: { found: boolean }[] = await hub.query('SELECT to_regclass($1) IS NOT NULL AS found', [table]);
  return row.found;
}
