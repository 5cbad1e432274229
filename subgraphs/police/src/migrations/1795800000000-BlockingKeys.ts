import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillColumn, normaliseName } from '@mash/shared';
import { nominalBlockingKeys, type NominalIdentity } from '../matching/match-nominals';

type NominalPage = NominalIdentity & { id: string };

/**
 * Candidate selection moves to one GIN-indexed `blocking_keys text[]` (the shared blocking-key
 * contract), which replaces `family_name_year`. Rows already present are backfilled from the
 * nominal and its aliases, so a database seeded before this migration still matches.
 */
export class BlockingKeys1795800000000 implements MigrationInterface {
  name = 'BlockingKeys1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE police_nominal ADD COLUMN blocking_keys text[] NOT NULL DEFAULT '{}'`);
    // Indexed before the backfill: updating an indexed column makes no HOT chains, which would
    // otherwise keep a new index unusable to transactions older than it (pg_index.indcheckxmin).
    await queryRunner.query(`CREATE INDEX idx_police_nominal_blocking_keys ON police_nominal USING gin (blocking_keys)`);
    // Keys are rare (a handful of rows each): with the default statistics target ANALYZE keeps no
    // element frequencies for them, and the planner then guesses 0.5% of the table per key.
    await queryRunner.query(`ALTER TABLE police_nominal ALTER COLUMN blocking_keys SET STATISTICS 1000`);
    await backfillColumn<NominalPage>(queryRunner, {
      table: 'police_nominal',
      id: 'id',
      idType: 'uuid',
      column: 'blocking_keys',
      columnType: 'text[]',
      selectPage: `
SELECT n.id, n.given_name AS "givenName", n.family_name AS "familyName",
  to_char(n.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", n.gender, n.postcode, n.nhs_number AS "nhsNumber", n.pnc_id AS "pncId",
  COALESCE((SELECT json_agg(json_build_object(
      'givenName', a.given_name, 'familyName', a.family_name, 'dateOfBirth', to_char(a.date_of_birth, 'YYYY-MM-DD')))
    FROM nominal_alias a WHERE a.nominal_id = n.id), '[]'::json) AS aliases
FROM police_nominal n
WHERE $1::uuid IS NULL OR n.id > $1::uuid
ORDER BY n.id
LIMIT $2`,
      value: nominalBlockingKeys,
    });
    await queryRunner.query(`DROP INDEX idx_police_nominal_family_name_year`);
    await queryRunner.query(`ALTER TABLE police_nominal DROP COLUMN family_name_year`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE police_nominal ADD COLUMN family_name_year varchar(110)`);
    await queryRunner.query(`CREATE INDEX idx_police_nominal_family_name_year ON police_nominal (family_name_year)`);
    await backfillColumn<{ id: string; familyName: string; dateOfBirth: string }>(queryRunner, {
      table: 'police_nominal',
      id: 'id',
      idType: 'uuid',
      column: 'family_name_year',
      columnType: 'varchar',
      selectPage: `
SELECT id, family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM police_nominal WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      value: (row) => `${normaliseName(row.familyName)}|${row.dateOfBirth.slice(0, 4)}`,
    });
    await queryRunner.query(`ALTER TABLE police_nominal ALTER COLUMN family_name_year SET NOT NULL`);
    await queryRunner.query(`DROP INDEX idx_police_nominal_blocking_keys`);
    await queryRunner.query(`ALTER TABLE police_nominal DROP COLUMN blocking_keys`);
  }
}
