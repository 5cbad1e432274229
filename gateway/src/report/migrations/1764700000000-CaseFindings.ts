import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The triangulation findings the hub's report counts (issue 11): when triage views a case picture,
 * the first time a child of that case is found missing education, not known to health (or not
 * registered with a GP) or home-educated, one row with the finding's code and the hub's own ids.
 * Codes and ids only, never a name or an agency's record: the agencies' data stays with them.
 * Append-only: the report counts first sightings, so a row is never changed or removed.
 */
export class CaseFindings1764700000000 implements MigrationInterface {
  name = 'CaseFindings1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_finding (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES mash_case (id),
        subject_id uuid REFERENCES mash_subject (id),
        code varchar(48) NOT NULL CHECK (code IN ('PICTURE_VIEWED', 'CHILD_MISSING_EDUCATION', 'CHILD_NOT_KNOWN_TO_HEALTH', 'CHILD_HOME_EDUCATED')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_finding_subject CHECK ((code = 'PICTURE_VIEWED') = (subject_id IS NULL)),
        CONSTRAINT case_finding_once UNIQUE NULLS NOT DISTINCT (case_id, subject_id, code)
      );
      CREATE INDEX idx_case_finding_recorded ON case_finding (recorded_at, code);
      CREATE FUNCTION case_finding_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_finding is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER case_finding_no_update_delete BEFORE UPDATE OR DELETE ON case_finding
        FOR EACH STATEMENT EXECUTE FUNCTION case_finding_refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE case_finding;
      DROP FUNCTION case_finding_refuse_change();
    `);
  }
}
