import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH } from '../../audit/chain-link';
import { disclosureHash, type DisclosureContent } from '../../audit/disclosure-chain';

const PAGE = 1000;

/**
 * The disclosure log becomes a hash chain, like the hub's access log (gateway/src/audit): `seq`,
 * `prev_hash` and `hash`, linked in the same statement as the insert (`disclosure_log_append`,
 * under a transaction-scoped advisory lock, so several processes of one agency append one chain),
 * and append-only (triggers refuse UPDATE, DELETE and TRUNCATE). Rows already there are chained in
 * the order they were written. A superuser can still disable the triggers; the chain and the
 * audit command's reconciliation with the hub's grants are what show it.
 */
export class DisclosureChain1796100000001 implements MigrationInterface {
  name = 'DisclosureChain1796100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE disclosure_log ADD COLUMN seq bigint, ADD COLUMN prev_hash char(64), ADD COLUMN hash char(64)');
    await queryRunner.query(`
      UPDATE disclosure_log d SET seq = o.n
        FROM (SELECT id, row_number() OVER (ORDER BY disclosed_at, id) AS n FROM disclosure_log) o
       WHERE d.id = o.id`);
    const count = await chainExisting(queryRunner);
    await queryRunner.query(`
      ALTER TABLE disclosure_log
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN hash SET NOT NULL,
        ADD CONSTRAINT disclosure_log_seq_key UNIQUE (seq),
        -- No row can have two successors: a writer that read a stale head fails instead of forking the chain.
        ADD CONSTRAINT disclosure_log_prev_hash_key UNIQUE (prev_hash),
        ADD CONSTRAINT disclosure_log_hash_key UNIQUE (hash),
        ADD CONSTRAINT disclosure_log_hashes_hex CHECK (prev_hash ~ '^[0-9a-f]{64}$' AND hash ~ '^[0-9a-f]{64}$')`);
    await queryRunner.query(`ALTER TABLE disclosure_log ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (START WITH ${count + 1})`);

    await queryRunner.query(`
      CREATE FUNCTION disclosure_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'disclosure_log is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'The disclosure log is the agency''s record of what left it; record a new row instead of changing one.';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER disclosure_log_no_update_delete BEFORE UPDATE OR DELETE ON disclosure_log
        FOR EACH STATEMENT EXECUTE FUNCTION disclosure_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER disclosure_log_no_truncate BEFORE TRUNCATE ON disclosure_log
        FOR EACH STATEMENT EXECUTE FUNCTION disclosure_log_refuse_change()`);

    // As the hub's audit_log_lock_head: the head is read by a second statement inside a VOLATILE
    // function, so under READ COMMITTED it sees what the previous lock holder committed.
    // Lock key 0x4d415348_00000002: 'MASH' and the disclosure chain.
    await queryRunner.query(`
      CREATE FUNCTION disclosure_log_lock_head() RETURNS char(64) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(5566822183109394434);
        RETURN COALESCE((SELECT hash FROM disclosure_log ORDER BY seq DESC LIMIT 1), repeat('0', 64));
      END $$`);
    // Each element carries the row and its canonical JSON cut around prev_hash (linkTemplate):
    // hash = sha256(hash_before || prev_hash || hash_after), the bytes the verifier hashes in JavaScript.
    await queryRunner.query(ROW_BY_ROW_APPEND);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION disclosure_log_append(jsonb)');
    await queryRunner.query('DROP FUNCTION disclosure_log_lock_head()');
    await queryRunner.query('DROP TRIGGER disclosure_log_no_update_delete ON disclosure_log');
    await queryRunner.query('DROP TRIGGER disclosure_log_no_truncate ON disclosure_log');
    await queryRunner.query('DROP FUNCTION disclosure_log_refuse_change()');
    await queryRunner.query(`
      ALTER TABLE disclosure_log
        DROP CONSTRAINT disclosure_log_seq_key, DROP CONSTRAINT disclosure_log_prev_hash_key,
        DROP CONSTRAINT disclosure_log_hash_key, DROP CONSTRAINT disclosure_log_hashes_hex,
        DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }
}

/** Links the rows already in the log, a page at a time in seq order; returns how many there were. */
async function chainExisting(queryRunner: QueryRunner): Promise<number> {
  let after = 0;
  let prev = GENESIS_HASH;
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT seq, id, disclosed_at AS "disclosedAt", grant_id AS "grantId", request_id AS "requestId", case_id AS "caseId", user_id AS "userId",
              purpose, subject_id AS "subjectId", match_status AS "matchStatus", record_ids AS "recordIds", obligations
         FROM disclosure_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, PAGE],
    )) as (DisclosureContent & { seq: string })[];
    if (rows.length === 0) return after;
    const links = rows.map((row) => {
      const hash = disclosureHash(row, prev);
      const link = { seq: row.seq, prev, hash };
      prev = hash;
      return link;
    });
    await queryRunner.query(
      `UPDATE disclosure_log d SET prev_hash = v.prev_hash, hash = v.hash
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(seq, prev_hash, hash) WHERE d.seq = v.seq`,
      [links.map((link) => link.seq), links.map((link) => link.prev), links.map((link) => link.hash)],
    );
    after = Number(rows[rows.length - 1].seq);
  }
}

/** The append as this migration made it: one INSERT per row (`SetBasedDisclosureAppend` replaces it). */
export const ROW_BY_ROW_APPEND = `
      CREATE OR REPLACE FUNCTION disclosure_log_append(entries jsonb)
        RETURNS TABLE (entry_seq bigint, entry_hash char(64))
        LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        item jsonb;
        prev char(64);
      BEGIN
        entry_hash := disclosure_log_lock_head();
        FOR item IN SELECT value FROM jsonb_array_elements(entries) WITH ORDINALITY ORDER BY ordinality LOOP
          prev := entry_hash;
          entry_hash := encode(sha256(convert_to((item->>'hash_before') || prev || (item->>'hash_after'), 'UTF8')), 'hex');
          INSERT INTO disclosure_log (id, disclosed_at, grant_id, request_id, case_id, user_id, purpose, subject_id, match_status,
                                      record_ids, obligations, prev_hash, hash)
            VALUES ((item->>'id')::uuid, (item->>'disclosed_at')::timestamptz, item->>'grant_id', item->>'request_id', item->>'case_id',
                    item->>'user_id', item->>'purpose', item->>'subject_id', item->>'match_status',
                    ARRAY(SELECT jsonb_array_elements_text(item->'record_ids')), ARRAY(SELECT jsonb_array_elements_text(item->'obligations')),
                    prev, entry_hash)
            RETURNING seq INTO entry_seq;
          RETURN NEXT;
        END LOOP;
      END $$`;
