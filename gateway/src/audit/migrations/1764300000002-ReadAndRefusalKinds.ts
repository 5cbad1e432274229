import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Two more kinds of access-log entry: reads of the hub's case record, and refused requests. */
export class ReadAndRefusalKinds1764300000002 implements MigrationInterface {
  name = 'ReadAndRefusalKinds1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The constraint only; no row changes, so the append-only triggers are not involved.
    await queryRunner.query(`
      ALTER TABLE audit_log DROP CONSTRAINT audit_log_kind_check;
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_kind_check
        CHECK (kind IN ('AGENCY_FETCH', 'CASE_MUTATION', 'POLICY_CHANGE', 'AUDIT_READ', 'CASE_READ', 'REQUEST_REFUSED'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_log DROP CONSTRAINT audit_log_kind_check;
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_kind_check
        CHECK (kind IN ('AGENCY_FETCH', 'CASE_MUTATION', 'POLICY_CHANGE', 'AUDIT_READ')) NOT VALID;
    `);
  }
}
