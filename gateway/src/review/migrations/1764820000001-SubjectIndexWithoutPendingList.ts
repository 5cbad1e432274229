import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log's GIN index on subject_ids is kept up to date at each insert, not through GIN's
 * pending list (`fastupdate = off`). With the pending list, inserts are cheap until the list
 * reaches `gin_pending_list_limit` (4 MB by default); then the insert that crosses it merges the
 * whole list into the index, while its transaction holds the access log's chain lock, so every
 * request waiting to append (every agency fetch and case read) waits for the merge too, unless
 * (auto)vacuum happened to clean the list first. Each access-log row names one to a few subjects:
 * inserting those keys directly costs a little on every append and never a stall. The list already
 * there is merged now, once.
 */
export class SubjectIndexWithoutPendingList1764820000001 implements MigrationInterface {
  name = 'SubjectIndexWithoutPendingList1764820000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER INDEX audit_log_subject_ids_idx SET (fastupdate = off)');
    await queryRunner.query("SELECT gin_clean_pending_list('audit_log_subject_ids_idx'::regclass)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER INDEX audit_log_subject_ids_idx RESET (fastupdate)');
  }
}
