import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's copies of the gateway's signed checkpoints of the hub's access-log head
 * (`agency/checkpoints.ts` fetches them). Kept here, out of the hub operators' reach, they let
 * `npm run audit:verify` catch a hub log cut short or rewritten and rehashed, even by a superuser.
 * One row per distinct head; the token is the gateway's signature, checked before a row is written
 * and again by the audit command.
 */
export class AuditCheckpoints1796100000002 implements MigrationInterface {
  name = 'AuditCheckpoints1796100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_checkpoint (
        seq bigint NOT NULL,
        hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        signed_at timestamptz NOT NULL,
        token text NOT NULL,
        fetched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (seq, hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_checkpoint');
  }
}
