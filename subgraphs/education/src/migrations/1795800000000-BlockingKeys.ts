import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillColumn, normaliseName } from '@mash/shared';
import { pupilBlockingKeys, type PupilIdentity } from '../matching/match-pupils';

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled (legal and
 * preferred surname), so a database seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pupil ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}'`);
    // Indexed before the backfill: updating an indexed column makes no HOT chains, which would
    // otherwise keep a new index unusable to transactions older than it (pg_index.indcheckxmin).
    await queryRunner.query(`CREATE INDEX idx_pupil_blocking_keys ON pupil USING gin (blocking_keys)`);
    // Keys are rare (a handful of rows each): with the default statistics target ANALYZE keeps no
    // element frequencies for them, and the planner then guesses 0.5% of the table per key.
    await queryRunner.query(`ALTER TABLE pupil ALTER COLUMN blocking_keys SET STATISTICS 1000`);
    await backfillColumn<PupilIdentity & { id: string }>(queryRunner, {
      table: 'pupil',
      id: 'id',
      idType: 'uuid',
      column: 'blocking_keys',
      columnType: 'text[]',
      selectPage: `
SELECT id, given_name AS "givenName", family_name AS "familyName", preferred_surname AS "preferredSurname",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", sex, postcode, upn
FROM pupil
WHERE $1::uuid IS NULL OR id > $1::uuid
ORDER BY id
LIMIT $2`,
      value: pupilBlockingKeys,
    });
    await queryRunner.query(`DROP INDEX idx_pupil_family_name_year`);
    await queryRunner.query(`ALTER TABLE pupil DROP COLUMN family_name_year`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE pupil ADD COLUMN family_name_year varchar(120)`);
    await queryRunner.query(`CREATE INDEX idx_pupil_family_name_year ON pupil (family_name_year)`);
    await backfillColumn<{ id: string; familyName: string; dateOfBirth: string }>(queryRunner, {
      table: 'pupil',
      id: 'id',
      idType: 'uuid',
      column: 'family_name_year',
      columnType: 'varchar',
      selectPage: `
SELECT id, family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM pupil WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      value: (row) => `${normaliseName(row.familyName)}|${row.dateOfBirth.slice(0, 4)}`,
    });
    await queryRunner.query(`ALTER TABLE pupil ALTER COLUMN family_name_year SET NOT NULL`);
    await queryRunner.query(`DROP INDEX idx_pupil_blocking_keys`);
    await queryRunner.query(`ALTER TABLE pupil DROP COLUMN blocking_keys`);
  }
}
