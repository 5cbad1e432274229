import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Triage officers' confirmations and rejections of agency records (issue 8: confirming a match). */
export class MatchDecisions1764400000000 implements MigrationInterface {
  name = 'MatchDecisions1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mash_match_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id uuid NOT NULL REFERENCES mash_subject (id),
        case_id uuid NOT NULL REFERENCES mash_case (id),
        agency varchar(16) NOT NULL CHECK (agency IN ('police', 'social-care', 'health', 'education')),
        record_id varchar(64) NOT NULL,
        decision varchar(16) NOT NULL CHECK (decision IN ('CONFIRMED', 'REJECTED')),
        rationale text NOT NULL,
        decided_by varchar(200) NOT NULL,
        decided_at timestamptz NOT NULL
      );
      CREATE INDEX idx_mash_match_decision_subject ON mash_match_decision (subject_id, agency);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE mash_match_decision');
  }
}
