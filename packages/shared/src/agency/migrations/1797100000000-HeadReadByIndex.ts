import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chain's head (the newest row's hash, read under the chain lock by every append) is read by
 * the `seq` index whatever the statistics say. PL/pgSQL keeps the plan of that read for the life of
 * the connection: planned while the log was nearly empty (a fresh deployment, the statistics of an
 * empty table) it was a sequential scan and a sort, and it stayed one as the log grew, with
 * autovacuum off or until its first ANALYZE of the log. Every append, one per agency fetch, then
 * read the whole log: 3-6 ms a fetch at 18,000 rows in the bench, growing with the log. With
 * sequential scans off inside this function alone, the only plan left is the backward index scan.
 */
export class HeadReadByIndex1797100000000 implements MigrationInterface {
  name = 'HeadReadByIndex1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION disclosure_log_lock_head() SET enable_seqscan = off');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER FUNCTION disclosure_log_lock_head() RESET enable_seqscan');
  }
}
