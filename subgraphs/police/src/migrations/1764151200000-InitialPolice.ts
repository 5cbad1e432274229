import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_LOG_DDL } from '@mash/shared';

/**
 * The police schema. Code lists are literal CHECK constraints (not generated from the TypeScript
 * enums) so this migration means the same thing for ever, whatever the code does later.
 */
export class InitialPolice1764151200000 implements MigrationInterface {
  name = 'InitialPolice1764151200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE police_nominal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  local_nominal_id varchar(20) NOT NULL,
  pnc_id varchar(13),
  cro_number varchar(16),
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  date_of_birth date NOT NULL,
  gender varchar(8) NOT NULL CHECK (gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
  nhs_number varchar(10),
  postcode varchar(8),
  family_name_year varchar(110) NOT NULL,
  CONSTRAINT chk_police_nominal_pnc_id CHECK (pnc_id ~ '^[0-9]{4}/[0-9]{7}[A-Z]$'),
  CONSTRAINT chk_police_nominal_nhs_number CHECK (nhs_number ~ '^[0-9]{10}$')
);
CREATE UNIQUE INDEX uq_police_nominal_local_id ON police_nominal (local_nominal_id);
CREATE INDEX idx_police_nominal_pnc_id ON police_nominal (pnc_id);
CREATE INDEX idx_police_nominal_date_of_birth ON police_nominal (date_of_birth);
CREATE INDEX idx_police_nominal_nhs_number ON police_nominal (nhs_number);
CREATE INDEX idx_police_nominal_postcode ON police_nominal (postcode);
CREATE INDEX idx_police_nominal_family_name_year ON police_nominal (family_name_year);

CREATE TABLE nominal_alias (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  date_of_birth date
);
CREATE INDEX idx_nominal_alias_nominal ON nominal_alias (nominal_id);

CREATE TABLE nominal_address (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  address_line varchar(200) NOT NULL,
  postcode varchar(8) NOT NULL,
  uprn varchar(12) CHECK (uprn ~ '^[0-9]{1,12}$'),
  is_current boolean NOT NULL,
  from_date date,
  to_date date,
  CONSTRAINT chk_nominal_address_dates CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
CREATE INDEX idx_nominal_address_nominal ON nominal_address (nominal_id);
CREATE INDEX idx_nominal_address_postcode ON nominal_address (postcode);
CREATE INDEX idx_nominal_address_uprn ON nominal_address (uprn);

CREATE TABLE warning_marker (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  type varchar(20) NOT NULL CHECK (type IN ('VIOLENT', 'WEAPONS', 'FIREARMS', 'MENTAL_HEALTH', 'SELF_HARM',
    'SUICIDAL', 'DRUGS', 'ESCAPER', 'CONTAGIOUS', 'ALLEGES', 'IMPERSONATION')),
  source varchar(5) NOT NULL CHECK (source IN ('PNC', 'LOCAL')),
  created_date date NOT NULL,
  active boolean NOT NULL
);
CREATE INDEX idx_warning_marker_nominal ON warning_marker (nominal_id);

CREATE TABLE occurrence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference varchar(24) NOT NULL,
  reported_at timestamptz NOT NULL,
  occurred_from timestamptz,
  occurred_to timestamptz,
  location_postcode varchar(8),
  location_uprn varchar(12),
  classification varchar(24) NOT NULL CHECK (classification IN ('DOMESTIC_ABUSE', 'CONCERN_FOR_SAFETY',
    'MISSING_PERSON', 'ANTI_SOCIAL_BEHAVIOUR', 'VIOLENCE', 'THEFT', 'CRIMINAL_DAMAGE', 'DRUGS', 'PUBLIC_ORDER', 'OTHER')),
  domestic_abuse boolean NOT NULL,
  children_present boolean NOT NULL,
  CONSTRAINT chk_occurrence_period CHECK (occurred_to IS NULL OR occurred_from IS NULL OR occurred_to >= occurred_from)
);
CREATE UNIQUE INDEX uq_occurrence_reference ON occurrence (reference);
CREATE INDEX idx_occurrence_location_postcode ON occurrence (location_postcode);
CREATE INDEX idx_occurrence_location_uprn ON occurrence (location_uprn);
CREATE INDEX idx_occurrence_da_reported ON occurrence (domestic_abuse, reported_at);

CREATE TABLE occurrence_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurrence_id uuid NOT NULL REFERENCES occurrence (id) ON DELETE CASCADE,
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  role varchar(10) NOT NULL CHECK (role IN ('VICTIM', 'SUSPECT', 'OFFENDER', 'WITNESS', 'INVOLVED', 'REPORTER')),
  CONSTRAINT uq_occurrence_person_role UNIQUE (occurrence_id, nominal_id, role)
);
CREATE INDEX idx_occurrence_person_nominal ON occurrence_person (nominal_id);

-- DASH (DOMAIN.md 1.2): 27 answers; the count must agree with them; professional judgement may
-- raise the level above the count band (1-9 standard, 10-13 medium, 14+ high) but never lower it.
CREATE TABLE dash_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurrence_id uuid NOT NULL REFERENCES occurrence (id) ON DELETE CASCADE,
  victim_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  perpetrator_id uuid REFERENCES police_nominal (id) ON DELETE SET NULL,
  completed_at timestamptz NOT NULL,
  answers text[] NOT NULL,
  tick_count smallint NOT NULL,
  risk_level varchar(8) NOT NULL CHECK (risk_level IN ('STANDARD', 'MEDIUM', 'HIGH')),
  professional_judgement_override boolean NOT NULL,
  override_rationale text,
  marac_referral boolean NOT NULL,
  CONSTRAINT chk_dash_answers CHECK (cardinality(answers) = 27
    AND answers <@ ARRAY['YES', 'NO', 'NOT_KNOWN', 'DECLINED']::text[]),
  CONSTRAINT chk_dash_tick_count CHECK (tick_count = cardinality(array_positions(answers, 'YES'))),
  CONSTRAINT chk_dash_band CHECK (
    (CASE risk_level WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)
      = (CASE WHEN tick_count >= 14 THEN 3 WHEN tick_count >= 10 THEN 2 ELSE 1 END)
    OR (professional_judgement_override
      AND (CASE risk_level WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)
        > (CASE WHEN tick_count >= 14 THEN 3 WHEN tick_count >= 10 THEN 2 ELSE 1 END))),
  CONSTRAINT chk_dash_override_rationale CHECK (NOT professional_judgement_override OR override_rationale IS NOT NULL)
);
CREATE INDEX idx_dash_assessment_occurrence ON dash_assessment (occurrence_id);
CREATE INDEX idx_dash_assessment_victim ON dash_assessment (victim_id);
CREATE INDEX idx_dash_assessment_perpetrator ON dash_assessment (perpetrator_id);

CREATE TABLE missing_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  reported_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  found_at timestamptz,
  risk_level varchar(8) NOT NULL CHECK (risk_level IN ('VERY_LOW', 'LOW', 'MEDIUM', 'HIGH')),
  from_care boolean NOT NULL,
  safe_and_well_check_at timestamptz,
  CONSTRAINT chk_missing_episode_found CHECK (found_at IS NULL OR found_at >= reported_at)
);
CREATE INDEX idx_missing_episode_nominal_reported ON missing_episode (nominal_id, reported_at);

CREATE TABLE exploitation_flag (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  type varchar(16) NOT NULL CHECK (type IN ('CSE', 'CCE', 'COUNTY_LINES', 'TRAFFICKING', 'RADICALISATION')),
  status varchar(10) NOT NULL CHECK (status IN ('SUSPECTED', 'CONFIRMED', 'CLOSED')),
  nrm_referral boolean NOT NULL,
  flagged_on date NOT NULL
);
CREATE INDEX idx_exploitation_flag_nominal ON exploitation_flag (nominal_id);
`);
    await queryRunner.query(DISCLOSURE_LOG_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TABLE disclosure_log;
DROP TABLE exploitation_flag;
DROP TABLE missing_episode;
DROP TABLE dash_assessment;
DROP TABLE occurrence_person;
DROP TABLE occurrence;
DROP TABLE warning_marker;
DROP TABLE nominal_address;
DROP TABLE nominal_alias;
DROP TABLE police_nominal;
`);
  }
}
