import type { MigrationInterface, QueryRunner } from 'typeorm';
import { recomputeBlockingKeys } from '@mash/shared';
import { NOMINALS_TABLE } from '../matching/match-nominals';

/**
 * The blocking-key contract gained `pf:` (the family name's Double Metaphone code with birth year
 * and month) and `dd:` (date of birth with postcode district), which survive a given name whose
 * first letter changed together with one more difference. Every row's keys are recomputed; down
 * recomputes them too, under whatever contract the code then has.
 */
export class PhoneticBlockingKeys1796000000000 implements MigrationInterface {
  name = 'PhoneticBlockingKeys1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await recomputeBlockingKeys(queryRunner, NOMINALS_TABLE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await recomputeBlockingKeys(queryRunner, NOMINALS_TABLE);
  }
}
