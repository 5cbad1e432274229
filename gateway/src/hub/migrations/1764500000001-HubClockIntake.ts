import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's clock, second part (issue 11): when a case was first rated; the digest of a submission
 * made under an idempotency key (a retry must carry the same); every assignment kept with who made
 * it and why; indexes to find an earlier referral about the same person; and in the database, a
 * closed case has feedback to its referrer or a recorded reason why not.
 */
export class HubClockIntake1764500000001 implements MigrationInterface {
  name = 'HubClockIntake1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mash_case
        ADD COLUMN first_rated_at timestamptz,
        ADD COLUMN idempotency_digest varchar(64),
        ADD CONSTRAINT mash_case_idempotency_digest CHECK ((idempotency_key IS NULL) = (idempotency_digest IS NULL)),
        ADD CONSTRAINT mash_case_closed_with_feedback
          CHECK (status <> 'CLOSED' OR feedback_sent_at IS NOT NULL OR feedback_withheld_reason IS NOT NULL);
      -- Existing cases: the first rating, and the current rating as the one that set the timescale.
      UPDATE mash_case c SET first_rated_at = r.first_at
        FROM (SELECT case_id, min(rated_at) AS first_at FROM rag_rating GROUP BY case_id) r WHERE r.case_id = c.id;
      UPDATE mash_case c SET rated_at = r.rated_at FROM rag_rating r WHERE r.id = c.current_rating_id AND c.rated_at IS NULL;
      CREATE TABLE mash_case_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES mash_case (id),
        assignee_id varchar(200),
        previous_assignee_id varchar(200),
        rationale text,
        assigned_by varchar(200) NOT NULL,
        assigned_at timestamptz NOT NULL
      );
      CREATE INDEX idx_mash_case_assignment_case ON mash_case_assignment (case_id, assigned_at);
      CREATE INDEX idx_mash_subject_nhs_number ON mash_subject (nhs_number) WHERE nhs_number IS NOT NULL;
      CREATE INDEX idx_mash_subject_family_dob ON mash_subject (lower(family_name), date_of_birth) WHERE date_of_birth IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX idx_mash_subject_family_dob;
      DROP INDEX idx_mash_subject_nhs_number;
      DROP TABLE mash_case_assignment;
      ALTER TABLE mash_case
        DROP CONSTRAINT mash_case_closed_with_feedback,
        DROP CONSTRAINT mash_case_idempotency_digest,
        DROP COLUMN idempotency_digest,
        DROP COLUMN first_rated_at;
    `);
  }
}
