import { agencyStore, type AgencyStore } from '@mash/shared';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource } from 'typeorm';

/** Entities of one kind read by a fixed condition: `read(hub, values)`. */
export type EntityRead<E> = (hub: DataSource, values: readonly unknown[]) => Promise<E[]>;

interface Prepared<E> {
  sql: string;
  columns: ColumnMetadata[];
  create(): E;
}

const stores = new WeakMap<DataSource, AgencyStore>();

/**
 * The hub's prepared-statement path (the agencies' `agencyStore` on the hub's own pool): for the
 * statements every triage query runs, so each is planned once per connection and skips TypeORM's
 * query runner. Bounded like every other statement (MASH_DB_QUERY_TIMEOUT_MS, database.ts).
 */
export function hubStore(hub: DataSource): AgencyStore {
  let store = stores.get(hub);
  if (!store) stores.set(hub, (store = agencyStore(hub)));
  return store;
}

/**
 * Reads on the triage query's path (a case by id, its subjects, their match decisions) without
 * TypeORM's query builder: the SQL is built once from the entity's metadata, run as a prepared
 * statement on the hub's own pool (the agencies' `agencyStore`), and each row becomes the entity
 * through TypeORM's own conversion of each column (`driver.prepareHydratedValue`), so the entity
 * is the one `find` returns. Building the query and transforming the rows at every call was about
 * 7 % of the gateway's CPU under load. `where` and `orderBy` name database columns, with `$1`...
 */
export function entityRead<E extends object>(target: new () => E, where: string, orderBy = ''): EntityRead<E> {
  const prepared = new WeakMap<DataSource, Prepared<E>>();
  return async (hub, values) => {
    let statement = prepared.get(hub);
    if (!statement) {
      const metadata = hub.getMetadata(target);
      // The entity's own columns, as `find` without relations loads them (a relation's implicit key is virtual).
      const columns = metadata.columns.filter((column) => !column.isVirtual);
      const list = columns.map((column) => `"${column.databaseName}"`).join(', ');
      statement = {
        sql: `SELECT ${list} FROM "${metadata.tablePath}" WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`,
        columns,
        create: () => metadata.create() as E,
      };
      prepared.set(hub, statement);
    }
    const rows = await hubStore(hub).query<Record<string, unknown>>(statement.sql, values);
    const { columns, create } = statement;
    const driver = hub.driver;
    return rows.map((row) => {
      const entity = create();
      for (const column of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
      return entity;
    });
  };
}
