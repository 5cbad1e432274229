import type { MigrationInterface, QueryRunner } from 'typeorm';

const KIND = 'ALERT_REVIEW';

/**
 * One more kind of access-log entry: a governance lead acknowledging an alert. The kinds already
 * allowed are read from the constraint itself and kept, so this migration composes with others
 * that add kinds, whatever order they run in. Only the constraint changes; no row is touched.
 */
export class AlertReviewAuditKind1764830000001 implements MigrationInterface {
  name = 'AlertReviewAuditKind1764830000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const kinds = await allowedKinds(queryRunner);
    if (!kinds.includes(KIND)) await replaceCheck(queryRunner, [...kinds, KIND]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const kinds = await allowedKinds(queryRunner);
    await replaceCheck(queryRunner, kinds.filter((kind) => kind !== KIND), true);
  }
}

async function allowedKinds(queryRunner: QueryRunner): Promise<string[]> {
  const [row] = (await queryRunner.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'audit_log'::regclass AND conname = 'audit_log_kind_check'`,
  )) as { definition: string }[];
  if (!row) throw new Error('audit_log has no audit_log_kind_check constraint to extend');
  return [...row.definition.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
}

async function replaceCheck(queryRunner: QueryRunner, kinds: string[], notValid = false): Promise<void> {
  const list = kinds.map((kind) => `'${kind}'`).join(', ');
  await queryRunner.query('ALTER TABLE audit_log DROP CONSTRAINT audit_log_kind_check');
  await queryRunner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_kind_check CHECK (kind IN (${list}))${notValid ? ' NOT VALID' : ''}`);
}
