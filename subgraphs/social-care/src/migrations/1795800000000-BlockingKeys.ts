import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillColumn, normaliseName } from '@mash/shared';
import { personBlockingKeys, type PersonIdentity } from '../matching/person-facts';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled, so a database
 * seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sc_person ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}'`);
    // Indexed before the backfill: updating an indexed column makes no HOT chains, which would
    // otherwise keep a new index unusable to transactions older than it (pg_index.indcheckxmin).
    await queryRunner.query(`CREATE INDEX idx_sc_person_blocking_keys ON sc_person USING gin (blocking_keys)`);
    // Keys are rare (a handful of rows each): with the default statistics target ANALYZE keeps no
    // element frequencies for them, and the planner then guesses 0.5% of the table per key.
    await queryRunner.query(`ALTER TABLE sc_person ALTER COLUMN blocking_keys SET STATISTICS 1000`);
    await backfillColumn<PersonIdentity & { id: string }>(queryRunner, {
      table: 'sc_person',
      id: 'person_id',
      idType: 'varchar',
      column: 'blocking_keys',
      columnType: 'text[]',
      selectPage: `
SELECT person_id AS id, given_name AS "givenName", family_name AS "familyName",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", to_char(expected_date_of_birth, 'YYYY-MM-DD') AS "expectedDateOfBirth",
  gender_code AS "genderCode", postcode, nhs_number AS "nhsNumber", upn
FROM sc_person
WHERE $1::varchar IS NULL OR person_id > $1::varchar
ORDER BY person_id
LIMIT $2`,
      value: personBlockingKeys,
    });
    await queryRunner.query(`DROP INDEX idx_sc_person_family_name_year`);
    await queryRunner.query(`ALTER TABLE sc_person DROP COLUMN family_name_year`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sc_person ADD COLUMN family_name_year varchar(120)`);
    await queryRunner.query(`CREATE INDEX idx_sc_person_family_name_year ON sc_person (family_name_year)`);
    await backfillColumn<{ id: string; familyName: string; dateOfBirth: string | null }>(queryRunner, {
      table: 'sc_person',
      id: 'person_id',
      idType: 'varchar',
      column: 'family_name_year',
      columnType: 'varchar',
      selectPage: `
SELECT person_id AS id, family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM sc_person WHERE $1::varchar IS NULL OR person_id > $1::varchar ORDER BY person_id LIMIT $2`,
      value: (row) => (row.dateOfBirth ? `${normaliseName(row.familyName)}|${row.dateOfBirth.slice(0, 4)}` : null),
    });
    await queryRunner.query(`DROP INDEX idx_sc_person_blocking_keys`);
    await queryRunner.query(`ALTER TABLE sc_person DROP COLUMN blocking_keys`);
  }
}
