import type { MigrationInterface, QueryRunner } from 'typeorm';

const UP = `
ALTER TABLE pupil ADD COLUMN address_line varchar(200);
CREATE INDEX idx_pupil_uprn ON pupil (uprn);

CREATE TABLE pupil_contact (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  date_of_birth date,
  relationship varchar(16) NOT NULL,
  priority smallint NOT NULL,
  CONSTRAINT pk_pupil_contact PRIMARY KEY (id),
  CONSTRAINT fk_pupil_contact_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_pupil_contact_relationship CHECK (relationship IN ('MOTHER', 'FATHER', 'STEP_PARENT', 'CARER', 'GRANDPARENT', 'OTHER')),
  CONSTRAINT chk_pupil_contact_priority CHECK (priority >= 1)
);
CREATE INDEX idx_pupil_contact_pupil ON pupil_contact (pupil_id, priority);
CREATE INDEX idx_pupil_contact_person ON pupil_contact (lower(family_name), date_of_birth);

CREATE TABLE alternative_provision (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  ap_reason varchar(3) NOT NULL,
  provider varchar(200) NOT NULL,
  start_date date NOT NULL,
  end_date date,
  CONSTRAINT pk_alternative_provision PRIMARY KEY (id),
  CONSTRAINT fk_ap_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_ap_reason CHECK (ap_reason IN ('ASP', 'EHC', 'MHN', 'NEW', 'OTH', 'PEX', 'PHN', 'RHE')),
  CONSTRAINT chk_ap_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_ap_pupil ON alternative_provision (pupil_id);

CREATE TABLE fsm_period (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  start_date date NOT NULL,
  end_date date,
  CONSTRAINT pk_fsm_period PRIMARY KEY (id),
  CONSTRAINT fk_fsm_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_fsm_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_fsm_pupil ON fsm_period (pupil_id);
`;

/**
 * Think family (issue 10): the pupil's address line (siblings are found by UPRN, else postcode and
 * address line), the contacts on a pupil's record (parents and carers, for associates and for
 * siblings sharing a contact), alternative provision placements and free school meals periods.
 * Code lists are written out, as in the first migration.
 */
export class ThinkFamily1797000000000 implements MigrationInterface {
  name = 'ThinkFamily1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE fsm_period;
      DROP TABLE alternative_provision;
      DROP TABLE pupil_contact;
      DROP INDEX idx_pupil_uprn;
      ALTER TABLE pupil DROP COLUMN address_line;
    `);
  }
}
