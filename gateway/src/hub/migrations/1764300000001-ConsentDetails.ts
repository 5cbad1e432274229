import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who gave (or refused) consent, how and when: a consent record that can be relied on later. */
export class ConsentDetails1764300000001 implements MigrationInterface {
  name = 'ConsentDetails1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE consent_record
        ADD COLUMN given_by varchar(200),
        ADD COLUMN method varchar(16) CHECK (method IN ('VERBAL', 'WRITTEN', 'ELECTRONIC')),
        ADD COLUMN given_at timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE consent_record DROP COLUMN given_at, DROP COLUMN method, DROP COLUMN given_by');
  }
}
