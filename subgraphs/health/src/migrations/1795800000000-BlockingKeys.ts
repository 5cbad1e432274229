import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillColumn, normaliseName } from '@mash/shared';
import { patientBlockingKeys, type PatientIdentity } from '../matching/patient-facts';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled; a restricted
 * patient gets no postcode key (PDS: not found by where they live).
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE patient ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}'`);
    // Indexed before the backfill: updating an indexed column makes no HOT chains, which would
    // otherwise keep a new index unusable to transactions older than it (pg_index.indcheckxmin).
    await queryRunner.query(`CREATE INDEX idx_patient_blocking_keys ON patient USING gin (blocking_keys)`);
    // Keys are rare (a handful of rows each): with the default statistics target ANALYZE keeps no
    // element frequencies for them, and the planner then guesses 0.5% of the table per key.
    await queryRunner.query(`ALTER TABLE patient ALTER COLUMN blocking_keys SET STATISTICS 1000`);
    await backfillColumn<PatientIdentity & { id: string }>(queryRunner, {
      table: 'patient',
      id: 'id',
      idType: 'uuid',
      column: 'blocking_keys',
      columnType: 'text[]',
      selectPage: `
SELECT id, given_name AS "givenName", family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  gender, postcode, nhs_number AS "nhsNumber", restricted
FROM patient
WHERE $1::uuid IS NULL OR id > $1::uuid
ORDER BY id
LIMIT $2`,
      value: patientBlockingKeys,
    });
    await queryRunner.query(`DROP INDEX idx_patient_family_name_year`);
    await queryRunner.query(`ALTER TABLE patient DROP COLUMN family_name_year`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE patient ADD COLUMN family_name_year varchar(110)`);
    await queryRunner.query(`CREATE INDEX idx_patient_family_name_year ON patient (family_name_year)`);
    await backfillColumn<{ id: string; familyName: string; dateOfBirth: string }>(queryRunner, {
      table: 'patient',
      id: 'id',
      idType: 'uuid',
      column: 'family_name_year',
      columnType: 'varchar',
      selectPage: `
SELECT id, family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM patient WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      value: (row) => `${normaliseName(row.familyName)}|${row.dateOfBirth.slice(0, 4)}`,
    });
    await queryRunner.query(`ALTER TABLE patient ALTER COLUMN family_name_year SET NOT NULL`);
    await queryRunner.query(`DROP INDEX idx_patient_blocking_keys`);
    await queryRunner.query(`ALTER TABLE patient DROP COLUMN blocking_keys`);
  }
}
