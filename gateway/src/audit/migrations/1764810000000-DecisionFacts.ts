import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each decision's inputs (issue 12, simulation): a nullable jsonb `facts` column, written by
 * `audit_log_append` with the rest of the entry. Adding a nullable column without a default
 * rewrites no row, so the append-only triggers are not involved and every existing entry (facts
 * null, which the hash leaves out) still verifies. The CHECK keeps "no facts" to one form: a JSON
 * null or a bare value could not be told from an absent object by the hash.
 */
export class DecisionFacts1764810000000 implements MigrationInterface {
  name = 'DecisionFacts1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN facts jsonb CHECK (facts IS NULL OR jsonb_typeof(facts) = 'object')`);
    await queryRunner.query(appendFunction(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendFunction(false));
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN facts');
  }
}

/**
 * `audit_log_append` as the AuditLog migration made it, with or without the facts column: a JSON
 * null for facts is stored as SQL NULL (what the hash means by "no facts").
 */
export function appendFunction(withFacts: boolean): string {
  const column = withFacts ? ', facts' : '';
  const value = withFacts ? `, NULLIF(item->'facts', 'null'::jsonb)` : '';
  return `
    CREATE OR REPLACE FUNCTION audit_log_append(entries jsonb)
      RETURNS TABLE (entry_seq bigint, entry_prev_hash char(64), entry_hash char(64))
      LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      item jsonb;
    BEGIN
      entry_hash := audit_log_lock_head();
      FOR item IN SELECT value FROM jsonb_array_elements(entries) WITH ORDINALITY ORDER BY ordinality LOOP
        entry_prev_hash := entry_hash;
        entry_hash := encode(sha256(convert_to((item->>'hash_before') || entry_prev_hash || (item->>'hash_after'), 'UTF8')), 'hex');
        INSERT INTO audit_log (id, recorded_at, kind, actor_id, actor_roles, organisation, case_id, subject_ids,
                               agency, fields, decision, rule, policy_version, reason, grant_id, request_id${column}, prev_hash, hash)
          SELECT r.id, r.recorded_at, r.kind, r.actor_id, r.actor_roles, r.organisation, r.case_id, r.subject_ids,
                 r.agency, r.fields, r.decision, r.rule, r.policy_version, r.reason, r.grant_id, r.request_id${value},
                 entry_prev_hash, entry_hash
            FROM jsonb_populate_record(NULL::audit_log, item) AS r
          RETURNING seq INTO entry_seq;
        RETURN NEXT;
      END LOOP;
    END $$`;
}
