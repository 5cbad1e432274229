import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addBlockingKeys, dropBlockingKeys, dropFamilyNameYear, restoreFamilyNameYear } from '@mash/shared';
import { PEOPLE_TABLE } from '../matching/person-facts';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled, so a database
 * seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addBlockingKeys(queryRunner, PEOPLE_TABLE);
    await dropFamilyNameYear(queryRunner, 'sc_person');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreFamilyNameYear(queryRunner, { table: 'sc_person', id: 'person_id', idType: 'varchar', length: 120, notNull: false });
    await dropBlockingKeys(queryRunner, 'sc_person');
  }
}
