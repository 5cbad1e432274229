import type { DataSource } from 'typeorm';
import { generatePopulation } from '../synthetic/population';
import type { AgencySeed } from './adapter';

/** Rows per INSERT: well under Postgres's 65,535 bind parameters for the widest agency table. */
const CHUNK = 500;

export interface SeedResult {
  inserted: boolean;
  /** Rows inserted per table; empty when the database already held records. */
  counts: Record<string, number>;
}

/**
 * Inserts the agency's synthetic records for a population of `people`, in one transaction, once:
 * a database whose marker table holds any row (a seeded or a live one) is left alone.
 */
export async function seedAgency(dataSource: DataSource, seed: AgencySeed, options: { people: number }): Promise<SeedResult> {
  if (await dataSource.getRepository(seed.marker).exists()) return { inserted: false, counts: {} };
  const plan = seed.rows(generatePopulation({ people: options.people }));
  const counts: Record<string, number> = {};
  await dataSource.transaction(async (manager) => {
    for (const { entity, rows } of plan) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + CHUNK) as object[]).updateEntity(false).execute();
      }
      counts[manager.getRepository(entity).metadata.tableName] = rows.length;
    }
  });
  return { inserted: true, counts };
}
