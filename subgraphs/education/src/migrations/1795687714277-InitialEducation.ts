import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DISCLOSURE_LOG_DDL } from '@mash/shared';

const TABLES = `
CREATE TABLE school (
  urn varchar(6) NOT NULL,
  laestab varchar(7) NOT NULL,
  name varchar(200) NOT NULL,
  phase varchar(24) NOT NULL,
  school_type varchar(24) NOT NULL,
  town varchar(100) NOT NULL,
  dsl_role varchar(200) NOT NULL,
  dsl_phone varchar(32) NOT NULL,
  CONSTRAINT pk_school PRIMARY KEY (urn),
  CONSTRAINT chk_school_urn CHECK (urn ~ '^[0-9]{6}$'),
  CONSTRAINT chk_school_laestab CHECK (laestab ~ '^[0-9]{7}$'),
  CONSTRAINT chk_school_phase CHECK (phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL', 'ALTERNATIVE_PROVISION')),
  CONSTRAINT chk_school_type CHECK (school_type IN ('LA_MAINTAINED', 'ACADEMY', 'FREE_SCHOOL', 'PUPIL_REFERRAL_UNIT'))
);
CREATE UNIQUE INDEX uq_school_laestab ON school (laestab);

CREATE TABLE pupil (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  upn varchar(13),
  former_upn varchar(13),
  upn_temporary boolean NOT NULL DEFAULT false,
  given_name varchar(100) NOT NULL,
  family_name varchar(100) NOT NULL,
  preferred_surname varchar(100),
  date_of_birth date NOT NULL,
  sex varchar(1),
  postcode varchar(8),
  uprn varchar(12),
  family_name_year varchar(120) NOT NULL,
  CONSTRAINT pk_pupil PRIMARY KEY (id),
  CONSTRAINT chk_pupil_sex CHECK (sex IN ('M', 'F'))
);
CREATE INDEX idx_pupil_upn ON pupil (upn);
CREATE INDEX idx_pupil_former_upn ON pupil (former_upn);
CREATE INDEX idx_pupil_date_of_birth ON pupil (date_of_birth);
CREATE INDEX idx_pupil_postcode ON pupil (postcode);
CREATE INDEX idx_pupil_family_name_year ON pupil (family_name_year);

CREATE TABLE enrolment (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  school_urn varchar(6) NOT NULL,
  entry_date date NOT NULL,
  leaving_date date,
  enrol_status varchar(1) NOT NULL,
  part_time boolean NOT NULL DEFAULT false,
  on_roll boolean NOT NULL,
  CONSTRAINT pk_enrolment PRIMARY KEY (id),
  CONSTRAINT fk_enrolment_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT fk_enrolment_school FOREIGN KEY (school_urn) REFERENCES school (urn),
  CONSTRAINT chk_enrolment_status CHECK (enrol_status IN ('C', 'M', 'S', 'F', 'O')),
  CONSTRAINT chk_enrolment_dates CHECK (leaving_date IS NULL OR leaving_date >= entry_date)
);
CREATE INDEX idx_enrolment_pupil ON enrolment (pupil_id);
CREATE INDEX idx_enrolment_school ON enrolment (school_urn);

CREATE TABLE attendance_summary (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  school_urn varchar(6) NOT NULL,
  academic_year varchar(7) NOT NULL,
  term varchar(6) NOT NULL,
  sessions_possible integer NOT NULL,
  sessions_authorised integer NOT NULL,
  sessions_unauthorised integer NOT NULL,
  CONSTRAINT pk_attendance_summary PRIMARY KEY (id),
  CONSTRAINT fk_attendance_summary_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT fk_attendance_summary_school FOREIGN KEY (school_urn) REFERENCES school (urn),
  CONSTRAINT chk_attendance_summary_term CHECK (term IN ('AUTUMN', 'SPRING', 'SUMMER')),
  CONSTRAINT chk_attendance_summary_year CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
  CONSTRAINT chk_attendance_summary_sessions CHECK (sessions_authorised >= 0 AND sessions_unauthorised >= 0
    AND sessions_authorised + sessions_unauthorised <= sessions_possible)
);
CREATE UNIQUE INDEX uq_attendance_summary_term ON attendance_summary (pupil_id, school_urn, academic_year, term);

CREATE TABLE exclusion (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  school_urn varchar(6) NOT NULL,
  start_date date NOT NULL,
  category varchar(4) NOT NULL,
  sessions integer,
  reasons text[] NOT NULL,
  CONSTRAINT pk_exclusion PRIMARY KEY (id),
  CONSTRAINT fk_exclusion_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT fk_exclusion_school FOREIGN KEY (school_urn) REFERENCES school (urn),
  CONSTRAINT chk_exclusion_category CHECK (category IN ('PERM', 'SUSP')),
  CONSTRAINT chk_exclusion_reasons CHECK (cardinality(reasons) BETWEEN 1 AND 3
    AND reasons <@ ARRAY['PP', 'PA', 'VP', 'VA', 'OW', 'BU', 'RA', 'LG', 'DS', 'SM', 'DA', 'DM', 'TH', 'DB', 'MT', 'PH']::text[]),
  CONSTRAINT chk_exclusion_sessions CHECK (sessions IS NULL OR sessions > 0)
);
CREATE INDEX idx_exclusion_pupil ON exclusion (pupil_id);

CREATE TABLE sen_status (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  provision varchar(1) NOT NULL,
  needs text[] NOT NULL,
  ehcp_start date,
  ehcp_la varchar(3),
  CONSTRAINT pk_sen_status PRIMARY KEY (id),
  CONSTRAINT fk_sen_status_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_sen_status_provision CHECK (provision IN ('N', 'K', 'E')),
  CONSTRAINT chk_sen_status_needs CHECK (needs <@ ARRAY['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI',
    'PD', 'ASD', 'OTH', 'NSA']::text[]),
  CONSTRAINT chk_sen_status_ehcp CHECK ((provision = 'E') = (ehcp_start IS NOT NULL))
);
CREATE UNIQUE INDEX uq_sen_status_pupil ON sen_status (pupil_id);

CREATE TABLE elective_home_education (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  notified_date date NOT NULL,
  previous_school_urn varchar(6),
  la_visit_date date,
  suitability_outcome varchar(16) NOT NULL,
  ended_date date,
  CONSTRAINT pk_elective_home_education PRIMARY KEY (id),
  CONSTRAINT fk_ehe_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_ehe_outcome CHECK (suitability_outcome IN ('PENDING', 'SUITABLE', 'NOT_SUITABLE')),
  CONSTRAINT chk_ehe_previous_school CHECK (previous_school_urn IS NULL OR previous_school_urn ~ '^[0-9]{6}$'),
  CONSTRAINT chk_ehe_dates CHECK (ended_date IS NULL OR ended_date >= notified_date)
);
CREATE INDEX idx_ehe_pupil ON elective_home_education (pupil_id);

CREATE TABLE child_missing_education (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  reported_date date NOT NULL,
  reason varchar(24) NOT NULL,
  status varchar(8) NOT NULL,
  closed_date date,
  CONSTRAINT pk_child_missing_education PRIMARY KEY (id),
  CONSTRAINT fk_cme_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT chk_cme_reason CHECK (reason IN ('NOT_STARTED', 'NOT_TRANSFERRED', 'EXCLUDED_NO_AP', 'MOVED',
    'ARRIVED_FROM_ABROAD', 'EHE_UNSUITABLE')),
  CONSTRAINT chk_cme_status CHECK (status IN ('OPEN', 'CLOSED')),
  CONSTRAINT chk_cme_closed CHECK ((status = 'CLOSED') = (closed_date IS NOT NULL))
);
CREATE INDEX idx_cme_pupil ON child_missing_education (pupil_id);

CREATE TABLE operation_encompass_notification (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pupil_id uuid NOT NULL,
  school_urn varchar(6) NOT NULL,
  occurrence_ref varchar(32) NOT NULL,
  received_at timestamptz NOT NULL,
  dash_risk varchar(8),
  dsl_action_taken varchar(24),
  CONSTRAINT pk_operation_encompass_notification PRIMARY KEY (id),
  CONSTRAINT fk_oe_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE,
  CONSTRAINT fk_oe_school FOREIGN KEY (school_urn) REFERENCES school (urn),
  CONSTRAINT chk_oe_dash_risk CHECK (dash_risk IS NULL OR dash_risk IN ('STANDARD', 'MEDIUM', 'HIGH')),
  CONSTRAINT chk_oe_dsl_action CHECK (dsl_action_taken IS NULL
    OR dsl_action_taken IN ('NONE_REQUIRED', 'MONITORING', 'SUPPORT_IN_SCHOOL', 'EARLY_HELP', 'REFERRED_TO_MASH'))
);
CREATE INDEX idx_oe_pupil_received ON operation_encompass_notification (pupil_id, received_at);
`;

/**
 * The education schema as first released. The code lists are written out rather than imported from
 * code-lists.ts so this migration stays what it was when applied; changing a list needs a new
 * migration (the schema test fails until the database and the entities agree again).
 */
export class InitialEducation1795687714277 implements MigrationInterface {
  name = 'InitialEducation1795687714277';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(TABLES);
    await queryRunner.query(DISCLOSURE_LOG_DDL);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE disclosure_log;
      DROP TABLE operation_encompass_notification;
      DROP TABLE child_missing_education;
      DROP TABLE elective_home_education;
      DROP TABLE sen_status;
      DROP TABLE exclusion;
      DROP TABLE attendance_summary;
      DROP TABLE enrolment;
      DROP TABLE pupil;
      DROP TABLE school;
    `);
  }
}
