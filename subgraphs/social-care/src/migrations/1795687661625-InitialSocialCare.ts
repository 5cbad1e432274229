import { DISCLOSURE_LOG_DDL } from '@mash/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social-care schema. Code lists are written out here, not imported, so this migration keeps
 * meaning what it meant when it ran: a later change to a DfE code list is a new migration.
 */
export class InitialSocialCare1795687661625 implements MigrationInterface {
  name = 'InitialSocialCare1795687661625';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE sc_person (
  person_id varchar(16) PRIMARY KEY,
  upn varchar(13) CHECK (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
  nhs_number varchar(10) CHECK (nhs_number ~ '^[0-9]{10}$'),
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  date_of_birth date,
  expected_date_of_birth date,
  gender_code smallint NOT NULL CHECK (gender_code IN (0, 1, 2, 9)),
  ethnicity varchar(4) CHECK (ethnicity IN ('WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS',
    'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')),
  postcode varchar(8),
  uprn varchar(12),
  family_name_year varchar(120),
  is_adult boolean NOT NULL,
  CONSTRAINT chk_sc_person_birth CHECK (date_of_birth IS NOT NULL OR expected_date_of_birth IS NOT NULL)
);
CREATE INDEX idx_sc_person_upn ON sc_person (upn);
CREATE INDEX idx_sc_person_nhs_number ON sc_person (nhs_number);
CREATE INDEX idx_sc_person_date_of_birth ON sc_person (date_of_birth);
CREATE INDEX idx_sc_person_postcode ON sc_person (postcode);
CREATE INDEX idx_sc_person_uprn ON sc_person (uprn);
CREATE INDEX idx_sc_person_family_name_year ON sc_person (family_name_year);

CREATE TABLE sc_referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_referral_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  referral_date date NOT NULL,
  source varchar(2) NOT NULL CHECK (source IN ('1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E',
    '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10')),
  primary_need varchar(2) NOT NULL CHECK (primary_need IN ('N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9')),
  closure_date date,
  reason_for_closure varchar(3) CHECK (reason_for_closure IN ('RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9')),
  nfa boolean NOT NULL DEFAULT false,
  date_of_initial_cpc date,
  CONSTRAINT chk_sc_referral_closure CHECK ((closure_date IS NULL) = (reason_for_closure IS NULL)),
  CONSTRAINT chk_sc_referral_dates CHECK (closure_date IS NULL OR closure_date >= referral_date)
);
CREATE INDEX idx_sc_referral_person ON sc_referral (person_id, referral_date);

CREATE TABLE sc_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL CONSTRAINT fk_sc_assessment_referral REFERENCES sc_referral (id) ON DELETE CASCADE,
  start_date date NOT NULL,
  authorised_date date,
  factors text[] NOT NULL DEFAULT '{}',
  CONSTRAINT chk_sc_assessment_factors CHECK (factors <@ ARRAY['1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C',
    '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A', '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A',
    '12A', '13A', '14A', '15A', '16A', '17A', '18B', '18C', '19B', '19C', '20', '21', '22A', '23A', '24A']::text[]),
  CONSTRAINT chk_sc_assessment_dates CHECK (authorised_date IS NULL OR authorised_date >= start_date)
);
CREATE INDEX idx_sc_assessment_referral ON sc_assessment (referral_id);

CREATE TABLE sc_child_protection_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_cpp_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  referral_id uuid CONSTRAINT fk_sc_cpp_referral REFERENCES sc_referral (id) ON DELETE SET NULL,
  start_date date NOT NULL,
  end_date date,
  initial_category varchar(3) NOT NULL CHECK (initial_category IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')),
  latest_category varchar(3) NOT NULL CHECK (latest_category IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')),
  number_of_previous_cpp integer NOT NULL DEFAULT 0 CHECK (number_of_previous_cpp >= 0),
  CONSTRAINT chk_sc_cpp_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_sc_cpp_person ON sc_child_protection_plan (person_id, start_date);

CREATE TABLE sc_looked_after_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_cla_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  start_date date NOT NULL,
  reason_new_episode varchar(1) NOT NULL CHECK (reason_new_episode IN ('S', 'L', 'P', 'T', 'B', 'U')),
  legal_status varchar(2) NOT NULL CHECK (legal_status IN ('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2',
    'L3', 'J1', 'J2', 'J3')),
  placement_type varchar(2) NOT NULL CHECK (placement_type IN ('A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2',
    'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1')),
  end_date date,
  reason_ceased varchar(3) CHECK (reason_ceased IN ('E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3',
    'E41', 'E45', 'E46', 'E47', 'E48', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9')),
  CONSTRAINT chk_sc_cla_closure CHECK ((end_date IS NULL) = (reason_ceased IS NULL)),
  CONSTRAINT chk_sc_cla_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_sc_cla_person ON sc_looked_after_episode (person_id, start_date);

CREATE TABLE sc_early_help_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_early_help_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  start_date date NOT NULL,
  end_date date,
  lead_agency varchar(32) NOT NULL CHECK (lead_agency IN ('SCHOOL', 'EARLY_YEARS', 'HEALTH_VISITING',
    'SCHOOL_NURSING', 'LA_EARLY_HELP', 'CHILDRENS_CENTRE', 'YOUTH_SERVICE', 'HOUSING', 'POLICE',
    'VOLUNTARY_SECTOR', 'OTHER')),
  lead_professional_role varchar(32) NOT NULL CHECK (lead_professional_role IN ('DESIGNATED_SAFEGUARDING_LEAD',
    'FAMILY_SUPPORT_WORKER', 'HEALTH_VISITOR', 'SCHOOL_NURSE', 'YOUTH_WORKER', 'EARLY_HELP_COORDINATOR',
    'HOUSING_OFFICER', 'OTHER')),
  assessment_type varchar(32) NOT NULL CHECK (assessment_type IN ('PATHWAY_TO_CHANGE', 'OTHER')),
  plan_status varchar(16) NOT NULL CHECK (plan_status IN ('ASSESSMENT', 'PLAN_IN_PLACE', 'REVIEW', 'CLOSED')),
  closure_reason varchar(16) CHECK (closure_reason IN ('NEEDS_MET', 'STEP_UP_TO_CSC', 'DISENGAGED', 'MOVED')),
  CONSTRAINT chk_sc_early_help_closure CHECK ((end_date IS NULL) = (closure_reason IS NULL)),
  CONSTRAINT chk_sc_early_help_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_sc_early_help_person ON sc_early_help_episode (person_id, start_date);

CREATE TABLE sc_section42_enquiry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_s42_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  concern_date date NOT NULL,
  enquiry_type varchar(5) NOT NULL CHECK (enquiry_type IN ('S42', 'OTHER')),
  risk_types text[] NOT NULL,
  source_of_risk varchar(32) NOT NULL CHECK (source_of_risk IN ('SERVICE_PROVIDER', 'OTHER_KNOWN_TO_INDIVIDUAL',
    'OTHER_UNKNOWN_TO_INDIVIDUAL')),
  location_of_risk varchar(32) NOT NULL CHECK (location_of_risk IN ('OWN_HOME', 'IN_THE_COMMUNITY',
    'COMMUNITY_SERVICE', 'CARE_HOME_NURSING', 'CARE_HOME_RESIDENTIAL', 'HOSPITAL_ACUTE', 'HOSPITAL_MENTAL_HEALTH',
    'HOSPITAL_COMMUNITY', 'OTHER')),
  end_date date,
  outcome varchar(24) CHECK (outcome IN ('RISK_REMOVED', 'RISK_REDUCED', 'RISK_REMAINS', 'NO_ACTION_TAKEN',
    'NO_RISK_IDENTIFIED', 'INCONCLUSIVE')),
  mental_capacity_assessed boolean NOT NULL DEFAULT false,
  consent varchar(16) NOT NULL CHECK (consent IN ('OBTAINED', 'OVERRIDDEN', 'NOT_SOUGHT')),
  consent_override_reason varchar(200),
  CONSTRAINT chk_sc_s42_risk_types CHECK (cardinality(risk_types) > 0 AND risk_types <@ ARRAY['PHYSICAL', 'SEXUAL',
    'PSYCHOLOGICAL', 'FINANCIAL_OR_MATERIAL', 'DISCRIMINATORY', 'ORGANISATIONAL', 'NEGLECT_AND_ACTS_OF_OMISSION',
    'DOMESTIC_ABUSE', 'SEXUAL_EXPLOITATION', 'MODERN_SLAVERY', 'SELF_NEGLECT']::text[]),
  -- Overriding an adult's refusal must be justified on the record (Care and support statutory guidance ch. 14; DPA 2018 Sch 1 para 18).
  CONSTRAINT chk_sc_s42_override CHECK (consent <> 'OVERRIDDEN' OR consent_override_reason IS NOT NULL),
  CONSTRAINT chk_sc_s42_closure CHECK (end_date IS NOT NULL OR outcome IS NULL),
  CONSTRAINT chk_sc_s42_dates CHECK (end_date IS NULL OR end_date >= concern_date)
);
CREATE INDEX idx_sc_s42_person ON sc_section42_enquiry (person_id, concern_date);
`);
    await queryRunner.query(DISCLOSURE_LOG_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TABLE IF EXISTS disclosure_log;
DROP TABLE IF EXISTS sc_section42_enquiry;
DROP TABLE IF EXISTS sc_early_help_episode;
DROP TABLE IF EXISTS sc_looked_after_episode;
DROP TABLE IF EXISTS sc_child_protection_plan;
DROP TABLE IF EXISTS sc_assessment;
DROP TABLE IF EXISTS sc_referral;
DROP TABLE IF EXISTS sc_person;
`);
  }
}
