import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log's head (the newest entry's hash, read under the chain lock by every append) is
 * read by the `seq` index whatever the statistics say. PL/pgSQL keeps the plan of that read for
 * the life of the connection: planned while the log was nearly empty (a hub's first day) it was a
 * sequential scan and a sort, and it stayed one as the log grew, with autovacuum off or until its
 * first ANALYZE of the log, so every request read the whole log. With sequential scans off inside
 * this function alone, the only plan left is the backward index scan (the agencies' disclosure log
 * has the same fix, HeadReadByIndex in @mash/shared).
 */
export class HeadReadByIndex1764850000000 implements MigrationInterface {
  name = 'HeadReadByIndex1764850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION audit_log_lock_head() SET enable_seqscan = off');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION audit_log_lock_head() RESET enable_seqscan');
  }
}
