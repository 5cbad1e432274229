import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `npm run audit:verify` looks up, for every grant an agency's disclosure log names, the access-log
 * entry that issued it: an index on grant_id (partial: most entries carry none) keeps that one
 * index probe per grant. An index changes no row, so the append-only triggers are not involved.
 */
export class GrantIdIndex1764500000000 implements MigrationInterface {
  name = 'GrantIdIndex1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_log_grant_id_idx ON audit_log (grant_id) WHERE grant_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_log_grant_id_idx');
  }
}
