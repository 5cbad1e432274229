import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `disclosure_log_append(entries, claims)`: marks the grants in `claims` used (`grant_use`) and
 * appends the entries, in one statement and so one transaction. A grant used before fails the
 * insert on `grant_use_pkey` (SQLSTATE 23505) and nothing of the batch is kept: a grant is used up
 * exactly when rows are recorded as disclosed under it, and an agency fetch makes one round trip
 * to its database fewer than with a claim of its own before the reads (`PendingClaim`). The
 * one-argument form stays, for writers that claim no grant.
 */
export class ClaimWithDisclosure1796100000004 implements MigrationInterface {
  name = 'ClaimWithDisclosure1796100000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION disclosure_log_append(entries jsonb, claims jsonb)
        RETURNS TABLE (entry_seq bigint, entry_hash char(64))
        LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        INSERT INTO grant_use (grant_id, expires_at)
          SELECT c.grant_id, c.expires_at FROM jsonb_to_recordset(claims) AS c(grant_id text, expires_at timestamptz);
        RETURN QUERY SELECT a.entry_seq, a.entry_hash FROM disclosure_log_append(entries) AS a;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION disclosure_log_append(jsonb, jsonb)');
  }
}
