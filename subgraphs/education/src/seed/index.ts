import { generatePopulation } from '@mash/shared';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  AttendanceSummary,
  ChildMissingEducation,
  ElectiveHomeEducation,
  Enrolment,
  Exclusion,
  OperationEncompassNotification,
  Pupil,
  School,
  SenStatus,
} from '../entities';
import { buildSeedRows } from './build';

/** Rows per INSERT: well under Postgres's 65,535 bind parameters for the widest table. */
const CHUNK = 500;

/**
 * Inserts the synthetic education records for `people` people, in one transaction, unless the
 * pupil table already has rows (so a restart never seeds twice).
 */
export async function seed(dataSource: DataSource, options: { people: number }): Promise<{ inserted: boolean }> {
  const [{ seeded }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM pupil) AS seeded');
  if (seeded) return { inserted: false };
  const rows = buildSeedRows(generatePopulation({ people: options.people }));
  await dataSource.transaction(async (manager) => {
    const insert = async <T extends ObjectLiteral>(target: EntityTarget<T>, values: T[]) => {
      for (let i = 0; i < values.length; i += CHUNK) {
        await manager.createQueryBuilder().insert().into(target).values(values.slice(i, i + CHUNK)).updateEntity(false).execute();
      }
    };
    await insert(School, rows.schools);
    await insert(Pupil, rows.pupils);
    await insert(Enrolment, rows.enrolments);
    await insert(AttendanceSummary, rows.attendance);
    await insert(Exclusion, rows.exclusions);
    await insert(SenStatus, rows.sen);
    await insert(ElectiveHomeEducation, rows.homeEducation);
    await insert(ChildMissingEducation, rows.missingEducation);
    await insert(OperationEncompassNotification, rows.encompass);
  });
  return { inserted: true };
}

export { buildSeedRows } from './build';
export type { SeedRows } from './rows';
