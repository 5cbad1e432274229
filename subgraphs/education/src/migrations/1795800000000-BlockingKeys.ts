import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addBlockingKeys, dropBlockingKeys, dropFamilyNameYear, restoreFamilyNameYear } from '@mash/shared';
import { PUPILS_TABLE } from '../matching/match-pupils';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled (legal and
 * preferred surname), so a database seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addBlockingKeys(queryRunner, PUPILS_TABLE);
    await dropFamilyNameYear(queryRunner, 'pupil');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreFamilyNameYear(queryRunner, { table: 'pupil', id: 'id', idType: 'uuid', length: 120, notNull: true });
    await dropBlockingKeys(queryRunner, 'pupil');
  }
}
