import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for reviewing access (issue 12): each accessReview filter, newest first, without
 * reading the whole log. audit_log already has (case_id, seq), recorded_at, request_id and
 * grant_id. Each index here ends in seq, so "this user's entries, newest first, before this
 * cursor" is one backward index scan that stops after a page; subject_ids, a text[], gets GIN
 * for `subject_ids @> ARRAY[...]` and `&&` (a person's entries, for whoHasSeen). An index
 * changes no row, so the append-only triggers are not involved.
 */
export class AccessReviewIndexes1764820000000 implements MigrationInterface {
  name = 'AccessReviewIndexes1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_log_subject_ids_idx ON audit_log USING gin (subject_ids)');
    await queryRunner.query('CREATE INDEX audit_log_actor_seq_idx ON audit_log (actor_id, seq)');
    await queryRunner.query('CREATE INDEX audit_log_agency_seq_idx ON audit_log (agency, seq)');
    await queryRunner.query('CREATE INDEX audit_log_rule_seq_idx ON audit_log (rule, seq)');
    await queryRunner.query('CREATE INDEX audit_log_kind_seq_idx ON audit_log (kind, seq)');
    await queryRunner.query('CREATE INDEX audit_log_decision_seq_idx ON audit_log (decision, seq)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['decision_seq', 'kind_seq', 'rule_seq', 'agency_seq', 'actor_seq', 'subject_ids']) {
      await queryRunner.query(`DROP INDEX audit_log_${name}_idx`);
    }
  }
}
