import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addBlockingKeys, dropBlockingKeys, dropFamilyNameYear, restoreFamilyNameYear } from '@mash/shared';
import { NOMINALS_TABLE } from '../matching/match-nominals';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled from the
 * nominal and its aliases, so a database seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addBlockingKeys(queryRunner, NOMINALS_TABLE);
    await dropFamilyNameYear(queryRunner, 'police_nominal');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreFamilyNameYear(queryRunner, { table: 'police_nominal', id: 'id', idType: 'uuid', length: 110, notNull: true });
    await dropBlockingKeys(queryRunner, 'police_nominal');
  }
}
