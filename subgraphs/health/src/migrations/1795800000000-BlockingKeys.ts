import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addBlockingKeys, dropBlockingKeys, dropFamilyNameYear, restoreFamilyNameYear } from '@mash/shared';
import { PATIENTS_TABLE } from '../matching/patient-facts';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled; a restricted
 * patient gets no postcode key (PDS: not found by where they live).
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addBlockingKeys(queryRunner, PATIENTS_TABLE);
    await dropFamilyNameYear(queryRunner, 'patient');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreFamilyNameYear(queryRunner, { table: 'patient', id: 'id', idType: 'uuid', length: 110, notNull: true });
    await dropBlockingKeys(queryRunner, 'patient');
  }
}
