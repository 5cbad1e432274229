import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub by its clock (issue 11): the case's kind (referral or information request), its stage
 * in the lifecycle, who is working on it, when each step happened, the RED strategy discussion,
 * the feedback to the referrer (or why none), the intake's idempotency key and re-referral link;
 * and on each rating, the due time it set (the history of dueBy).
 */
export class HubClock1764500000000 implements MigrationInterface {
  name = 'HubClock1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mash_case
        ADD COLUMN kind varchar(24) NOT NULL DEFAULT 'REFERRAL' CHECK (kind IN ('REFERRAL', 'INFORMATION_REQUEST')),
        ADD COLUMN information_requester varchar(32) CHECK (information_requester IN ('FAMILY_COURT', 'CAFCASS', 'PROBATION', 'OTHER_LOCAL_AUTHORITY', 'OTHER')),
        ADD COLUMN stage varchar(24) NOT NULL DEFAULT 'RECEIVED' CHECK (stage IN ('RECEIVED', 'RATED', 'IN_RESEARCH', 'DECIDED', 'FEEDBACK_GIVEN', 'CLOSED')),
        ADD COLUMN assignee_id varchar(200),
        ADD COLUMN assigned_at timestamptz,
        ADD COLUMN rated_at timestamptz,
        ADD COLUMN research_started_at timestamptz,
        ADD COLUMN strategy_discussion_at timestamptz,
        ADD COLUMN strategy_discussion_attendees text[],
        ADD COLUMN feedback_method varchar(24) CHECK (feedback_method IN ('EMAIL', 'PHONE', 'LETTER', 'SECURE_MESSAGE', 'IN_PERSON', 'PORTAL')),
        ADD COLUMN feedback_by varchar(200),
        ADD COLUMN feedback_withheld_reason varchar(32) CHECK (feedback_withheld_reason IN ('ANONYMOUS_REFERRER', 'RISK_TO_CHILD', 'RISK_TO_ADULT', 'REFERRER_UNREACHABLE')),
        ADD COLUMN feedback_withheld_note text,
        ADD COLUMN idempotency_key varchar(200),
        ADD COLUMN re_referral_of uuid REFERENCES mash_case (id),
        ADD CONSTRAINT mash_case_information_requester CHECK ((kind = 'INFORMATION_REQUEST') = (information_requester IS NOT NULL));
      CREATE UNIQUE INDEX idx_mash_case_idempotency_key ON mash_case (idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX idx_mash_case_assignee ON mash_case (assignee_id, status, due_by) WHERE assignee_id IS NOT NULL;
      CREATE INDEX idx_mash_case_received ON mash_case (received_at);
      CREATE INDEX idx_mash_case_re_referral ON mash_case (re_referral_of) WHERE re_referral_of IS NOT NULL;
      -- Existing cases: their stage from what they already record.
      UPDATE mash_case SET stage = CASE WHEN status = 'CLOSED' THEN 'CLOSED' WHEN rag IS NOT NULL THEN 'RATED' ELSE 'RECEIVED' END;
      ALTER TABLE rag_rating ADD COLUMN due_by timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE rag_rating DROP COLUMN due_by;
      DROP INDEX idx_mash_case_re_referral;
      DROP INDEX idx_mash_case_received;
      DROP INDEX idx_mash_case_assignee;
      DROP INDEX idx_mash_case_idempotency_key;
      ALTER TABLE mash_case
        DROP CONSTRAINT mash_case_information_requester,
        DROP COLUMN re_referral_of, DROP COLUMN idempotency_key, DROP COLUMN feedback_withheld_note, DROP COLUMN feedback_withheld_reason,
        DROP COLUMN feedback_by, DROP COLUMN feedback_method, DROP COLUMN strategy_discussion_attendees, DROP COLUMN strategy_discussion_at,
        DROP COLUMN research_started_at, DROP COLUMN rated_at, DROP COLUMN assigned_at, DROP COLUMN assignee_id, DROP COLUMN stage,
        DROP COLUMN information_requester, DROP COLUMN kind;
    `);
  }
}
