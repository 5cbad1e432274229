import { generatePopulation } from '@mash/shared';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Assessment } from '../entities/assessment.entity';
import { ChildProtectionPlan } from '../entities/child-protection-plan.entity';
import { EarlyHelpEpisode } from '../entities/early-help-episode.entity';
import { LookedAfterEpisode } from '../entities/looked-after-episode.entity';
import { Person } from '../entities/person.entity';
import { Referral } from '../entities/referral.entity';
import { Section42Enquiry } from '../entities/section42-enquiry.entity';
import { buildSeedRows } from './household';
import type { SeedRows } from './rows';

export interface SeedResult {
  inserted: boolean;
  /** Rows inserted per table; empty when the database already held people. */
  counts: Partial<Record<keyof SeedRows, number>>;
}

const CHUNK = 500;

async function insertChunks<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager.createQueryBuilder().insert().into(target).values(rows.slice(start, start + CHUNK)).updateEntity(false).execute();
  }
}

/**
 * Inserts social care's synthetic records for a population of `people`, in one transaction.
 * Idempotent: a database that already holds people is left alone.
 */
export async function seed(dataSource: DataSource, options: { people: number }): Promise<SeedResult> {
  if (await dataSource.getRepository(Person).exists()) return { inserted: false, counts: {} };
  const rows = buildSeedRows(generatePopulation({ people: options.people }));
  await dataSource.transaction(async (manager) => {
    await insertChunks(manager, Person, rows.people);
    await insertChunks(manager, Referral, rows.referrals);
    await insertChunks(manager, Assessment, rows.assessments);
    await insertChunks(manager, ChildProtectionPlan, rows.childProtectionPlans);
    await insertChunks(manager, LookedAfterEpisode, rows.lookedAfterEpisodes);
    await insertChunks(manager, EarlyHelpEpisode, rows.earlyHelpEpisodes);
    await insertChunks(manager, Section42Enquiry, rows.section42Enquiries);
  });
  const counts = Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, (list as unknown[]).length]));
  return { inserted: true, counts };
}
