import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROW_BY_ROW_APPEND } from './1796100000001-DisclosureChain';

/**
 * `disclosure_log_append` links the batch first and then inserts it in ONE statement, as the hub's
 * access log does (gateway SetBasedAppend): the same chain from the head read under the lock, the
 * same rows, seq in the batch's order; one statement's executor start and index maintenance
 * instead of one per answered subject.
 */
export class SetBasedDisclosureAppend1796100000003 implements MigrationInterface {
  name = 'SetBasedDisclosureAppend1796100000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION disclosure_log_append(entries jsonb)
        RETURNS TABLE (entry_seq bigint, entry_hash char(64))
        LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        item jsonb;
        link char(64);
        prevs char(64)[] := '{}';
        hashes char(64)[] := '{}';
      BEGIN
        link := disclosure_log_lock_head();
        FOR item IN SELECT value FROM jsonb_array_elements(entries) WITH ORDINALITY ORDER BY ordinality LOOP
          prevs := prevs || link;
          link := encode(sha256(convert_to((item->>'hash_before') || link || (item->>'hash_after'), 'UTF8')), 'hex');
          hashes := hashes || link;
        END LOOP;
        RETURN QUERY
          INSERT INTO disclosure_log (id, disclosed_at, grant_id, request_id, case_id, user_id, purpose, subject_id, match_status,
                                      record_ids, obligations, prev_hash, hash)
            SELECT (e.item->>'id')::uuid, (e.item->>'disclosed_at')::timestamptz, e.item->>'grant_id', e.item->>'request_id', e.item->>'case_id',
                   e.item->>'user_id', e.item->>'purpose', e.item->>'subject_id', e.item->>'match_status',
                   ARRAY(SELECT jsonb_array_elements_text(e.item->'record_ids')), ARRAY(SELECT jsonb_array_elements_text(e.item->'obligations')),
                   prevs[e.position], hashes[e.position]
              FROM jsonb_array_elements(entries) WITH ORDINALITY AS e(item, position)
             ORDER BY e.position
          RETURNING seq, hash;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(ROW_BY_ROW_APPEND);
  }
}
