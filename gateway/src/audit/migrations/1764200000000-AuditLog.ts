import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub's access log: append-only (the database itself refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained (ARCHITECTURE.md "Audit and disclosure"). The triggers stop the application and
 * honest mistakes; a superuser can still disable them, which is what the hash chain is for.
 */
export class AuditLog1764200000000 implements MigrationInterface {
  name = 'AuditLog1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        recorded_at timestamptz NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('AGENCY_FETCH', 'CASE_MUTATION', 'POLICY_CHANGE', 'AUDIT_READ')),
        actor_id varchar(200),
        actor_roles text[] NOT NULL,
        organisation varchar(200),
        case_id varchar(64),
        subject_ids text[] NOT NULL,
        agency varchar(64),
        fields text[] NOT NULL,
        decision varchar(16) NOT NULL CHECK (decision IN ('ALLOWED', 'DENIED', 'RECORDED')),
        rule varchar(200),
        policy_version varchar(64),
        reason text,
        grant_id varchar(64),
        request_id varchar(64),
        -- UNIQUE prev_hash: no entry can have two successors, so even a writer that read a stale
        -- head (say, under REPEATABLE READ) cannot fork the chain; its insert fails instead.
        prev_hash char(64) NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    // (case_id, seq) serves "this case's entries, newest first" without a sort.
    await queryRunner.query('CREATE INDEX audit_log_case_id_idx ON audit_log (case_id, seq)');
    await queryRunner.query('CREATE INDEX audit_log_recorded_at_idx ON audit_log (recorded_at)');
    await queryRunner.query('CREATE INDEX audit_log_request_id_idx ON audit_log (request_id)');

    // Statement-level, so even an UPDATE or DELETE that matches no row is refused.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'The access log is tamper-evident; record a new entry instead of changing one.';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    // Serialises appenders across every gateway process. The head is read by a second statement
    // inside a VOLATILE function so that, under READ COMMITTED, it gets a snapshot taken after
    // the lock wait: a single plain statement would read the head from a snapshot taken before
    // the wait and miss the entry its predecessor just committed.
    // Lock key 0x4d415348_00000001: 'MASH' and the audit chain, clear of other advisory locks.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_lock_head() RETURNS char(64) LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(5566822183109394433);
        RETURN COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64));
      END $$`);

    // Appends entries in array order in one statement (one round trip, no client wait while the
    // lock is held). Each element carries the column values and its canonical JSON cut around
    // prev_hash (hash_before, hash_after, see chain.ts hashTemplate); the link is made here, under
    // the lock: hash = sha256(hash_before || prev_hash || hash_after), the very bytes the
    // verifier hashes in JavaScript.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append(entries jsonb)
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
                                 agency, fields, decision, rule, policy_version, reason, grant_id, request_id, prev_hash, hash)
            SELECT r.id, r.recorded_at, r.kind, r.actor_id, r.actor_roles, r.organisation, r.case_id, r.subject_ids,
                   r.agency, r.fields, r.decision, r.rule, r.policy_version, r.reason, r.grant_id, r.request_id,
                   entry_prev_hash, entry_hash
              FROM jsonb_populate_record(NULL::audit_log, item) AS r
            RETURNING seq INTO entry_seq;
          RETURN NEXT;
        END LOOP;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_log_append(jsonb)');
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
    await queryRunner.query('DROP FUNCTION audit_log_lock_head()');
  }
}
