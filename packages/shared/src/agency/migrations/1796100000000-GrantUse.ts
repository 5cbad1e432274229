import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants are single-use: every agency remembers the grant ids it has answered (`grant_use`, read
 * and written by `databaseReplayCache`), in its own database so all its processes share one
 * memory. Listed by every agency's adapter after its own migrations.
 *
 * A logged table, not UNLOGGED: an unlogged table is emptied by crash recovery and is not on a
 * streaming standby, so after a crash or a failover every grant still within its life could be
 * replayed. The write is made cheap instead by committing it asynchronously (see the cache): a
 * crash then forgets at most the last few hundred milliseconds of ids.
 */
export class GrantUse1796100000000 implements MigrationInterface {
  name = 'GrantUse1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE grant_use (
        grant_id text PRIMARY KEY,
        -- The grant's exp plus its longest life: after that it cannot verify anywhere, so the id can go.
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX idx_grant_use_expires_at ON grant_use (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE grant_use');
  }
}
