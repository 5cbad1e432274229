import { DISCLOSURE_LOG_DDL } from '@mash/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The health schema. Code lists are CHECK constraints so a bad value can never be stored, whatever
 * writes it; every child table cascades from `patient` (erasure of a patient removes everything).
 */
export class InitialHealth1795651200000 implements MigrationInterface {
  name = 'InitialHealth1795651200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE patient (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nhs_number varchar(10),
  nhs_number_verification varchar(2) NOT NULL
    CHECK (nhs_number_verification IN ('01', '02', '03', '04', '05', '06', '07', '08')),
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  date_of_birth date NOT NULL,
  gender varchar(7) NOT NULL CHECK (gender IN ('male', 'female', 'other', 'unknown')),
  address_line varchar(200),
  postcode varchar(8),
  uprn varchar(12) CHECK (uprn ~ '^[0-9]{1,12}$'),
  family_name_year varchar(110) NOT NULL,
  restricted boolean NOT NULL DEFAULT false,
  deceased_date date,
  CHECK (nhs_number ~ '^[0-9]{10}$')
);
CREATE INDEX idx_patient_nhs_number ON patient (nhs_number);
CREATE INDEX idx_patient_date_of_birth ON patient (date_of_birth);
CREATE INDEX idx_patient_postcode ON patient (postcode);
CREATE INDEX idx_patient_family_name_year ON patient (family_name_year);

CREATE TABLE gp_registration (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  practice_ods_code varchar(6) NOT NULL CHECK (practice_ods_code ~ '^[A-Z][0-9]{5}$'),
  practice_name varchar(200) NOT NULL,
  registered_from date NOT NULL,
  registered_to date,
  status varchar(10) NOT NULL CHECK (status IN ('REGISTERED', 'DEDUCTED', 'ENDED')),
  CHECK ((status = 'REGISTERED') = (registered_to IS NULL))
);
CREATE INDEX idx_gp_registration_patient ON gp_registration (patient_id);

CREATE TABLE safeguarding_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  snomed_concept_id varchar(18) NOT NULL CHECK (snomed_concept_id IN (
    '836881000000105', '1064961000000107', '878111000000109',
    '342191000000101', '375041000000100', '417430008')),
  term varchar(200) NOT NULL,
  recorded_date date NOT NULL,
  active boolean NOT NULL
);
CREATE INDEX idx_safeguarding_code_patient ON safeguarding_code (patient_id);

CREATE TABLE unscheduled_care_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  arrival_at timestamptz NOT NULL,
  site varchar(200) NOT NULL,
  chief_complaint varchar(200) NOT NULL,
  injury boolean NOT NULL,
  safeguarding_concern boolean NOT NULL,
  left_before_treatment boolean NOT NULL
);
CREATE INDEX idx_unscheduled_care_attendance_patient ON unscheduled_care_attendance (patient_id);

CREATE TABLE mental_health_involvement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  service varchar(10) NOT NULL CHECK (service IN ('CAMHS', 'AMHS', 'CRISIS', 'PERINATAL', 'EIP')),
  open boolean NOT NULL,
  referral_date date NOT NULL,
  discharge_date date,
  mha_section varchar(5) CHECK (mha_section IN ('2', '3', '4', '5(2)', '5(4)', '135', '136', '37')),
  mha_detained_from date,
  mha_detained_to date,
  risk_summary varchar(500),
  CHECK ((mha_section IS NULL) = (mha_detained_from IS NULL))
);
CREATE INDEX idx_mental_health_involvement_patient ON mental_health_involvement (patient_id);

CREATE TABLE substance_misuse_treatment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  provider varchar(200) NOT NULL,
  substance_category varchar(11) NOT NULL CHECK (substance_category IN ('ALCOHOL', 'OPIATES', 'NON_OPIATES')),
  open boolean NOT NULL,
  start_date date NOT NULL,
  end_date date
);
CREATE INDEX idx_substance_misuse_treatment_patient ON substance_misuse_treatment (patient_id);

CREATE TABLE maternity_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  booking_date date NOT NULL,
  gestation_at_booking_weeks smallint NOT NULL CHECK (gestation_at_booking_weeks BETWEEN 0 AND 45),
  edd date NOT NULL,
  antenatal_dna_count smallint NOT NULL DEFAULT 0 CHECK (antenatal_dna_count >= 0),
  concerns_at_booking text[] NOT NULL DEFAULT '{}'
    CHECK (concerns_at_booking <@ ARRAY['DOMESTIC_ABUSE', 'SUBSTANCE_USE', 'MENTAL_HEALTH']::text[])
);
CREATE INDEX idx_maternity_episode_patient ON maternity_episode (patient_id);

CREATE TABLE was_not_brought_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  appointment_type varchar(16) NOT NULL CHECK (appointment_type IN (
    'GP', 'HEALTH_VISITING', 'OUTPATIENT', 'DENTAL', 'SCHOOL_NURSING', 'CAMHS')),
  appointment_date date NOT NULL
);
CREATE INDEX idx_was_not_brought_event_patient ON was_not_brought_event (patient_id);

CREATE TABLE cpis_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  plan_type varchar(10) NOT NULL CHECK (plan_type IN ('CPP', 'CLA', 'UNBORN_CPP')),
  start_date date NOT NULL,
  end_date date,
  responsible_la varchar(100) NOT NULL
);
CREATE INDEX idx_cpis_record_patient ON cpis_record (patient_id);
`);
    await queryRunner.query(DISCLOSURE_LOG_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TABLE disclosure_log;
DROP TABLE cpis_record;
DROP TABLE was_not_brought_event;
DROP TABLE maternity_episode;
DROP TABLE substance_misuse_treatment;
DROP TABLE mental_health_involvement;
DROP TABLE unscheduled_care_attendance;
DROP TABLE safeguarding_code;
DROP TABLE gp_registration;
DROP TABLE patient;
`);
  }
}
