import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Think family (issue 10). A maternity episode records the delivery and the baby's own patient
 * record (the birth notification links the two), so a baby leads to its mother and a mother to her
 * babies; an ED attendance carries why it matters for safeguarding (ECDS injury intent and
 * safeguarding concern: assault, domestic abuse, self-harm, overdose); FGM recorded for a woman or
 * girl (FGM-IS risk indicator, FGM identified) has its own table. Household members are found by
 * UPRN, so it is indexed.
 */
export class ThinkFamily1797000000000 implements MigrationInterface {
  name = 'ThinkFamily1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
ALTER TABLE maternity_episode
  ADD COLUMN delivery_date date,
  ADD COLUMN baby_patient_id uuid REFERENCES patient (id) ON DELETE SET NULL,
  ADD CONSTRAINT chk_maternity_episode_baby CHECK (baby_patient_id IS NULL OR (delivery_date IS NOT NULL AND baby_patient_id <> patient_id));
CREATE UNIQUE INDEX idx_maternity_episode_baby ON maternity_episode (baby_patient_id) WHERE baby_patient_id IS NOT NULL;

ALTER TABLE unscheduled_care_attendance
  ADD COLUMN presentation varchar(14) CHECK (presentation IN ('ASSAULT', 'DOMESTIC_ABUSE', 'SELF_HARM', 'OVERDOSE'));

CREATE TABLE fgm_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  kind varchar(16) NOT NULL CHECK (kind IN ('FGM_IS_INDICATOR', 'FGM_IDENTIFIED')),
  recorded_date date NOT NULL,
  active boolean NOT NULL
);
CREATE INDEX idx_fgm_record_patient ON fgm_record (patient_id);

CREATE INDEX idx_patient_uprn ON patient (uprn) WHERE uprn IS NOT NULL;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP INDEX idx_patient_uprn;
DROP TABLE fgm_record;
ALTER TABLE unscheduled_care_attendance DROP COLUMN presentation;
DROP INDEX idx_maternity_episode_baby;
ALTER TABLE maternity_episode DROP CONSTRAINT chk_maternity_episode_baby, DROP COLUMN baby_patient_id, DROP COLUMN delivery_date;
`);
  }
}
