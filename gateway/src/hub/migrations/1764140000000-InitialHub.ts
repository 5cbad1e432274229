import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hub's case register: cases, their subjects, rating and consent history. */
export class InitialHub1764140000000 implements MigrationInterface {
  name = 'InitialHub1764140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE mash_case_reference_seq;
      CREATE TABLE mash_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference varchar(32) NOT NULL UNIQUE,
        received_at timestamptz NOT NULL,
        pathway varchar(16) NOT NULL CHECK (pathway IN ('CHILDREN', 'ADULTS')),
        referrer_name varchar(200) NOT NULL,
        referrer_organisation varchar(200),
        referral_source varchar(4),
        referrer_contact varchar(200),
        concern text NOT NULL CHECK (length(concern) <= 4000),
        rag varchar(8) CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        due_by timestamptz NOT NULL,
        closed_at timestamptz,
        consent_status varchar(16) NOT NULL CHECK (consent_status IN ('NOT_SOUGHT', 'GIVEN', 'REFUSED', 'OVERRIDDEN')),
        consent_early_help_sharing boolean NOT NULL DEFAULT false,
        consent_note varchar(1000),
        decision varchar(32) CHECK (decision IN ('STRATEGY_DISCUSSION', 'ASSESSMENT', 'EARLY_HELP', 'SIGNPOST', 'NO_FURTHER_ACTION')),
        decision_rationale text,
        decided_at timestamptz,
        decided_by varchar(200),
        feedback_to_referrer text,
        feedback_sent_at timestamptz,
        created_by varchar(200) NOT NULL,
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      );
      CREATE INDEX idx_mash_case_status_due ON mash_case (status, due_by);
      CREATE TABLE mash_subject (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES mash_case (id) ON DELETE RESTRICT,
        household_role varchar(24) NOT NULL,
        given_name varchar(100),
        family_name varchar(100) NOT NULL,
        date_of_birth date,
        gender varchar(8) CHECK (gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
        address_line varchar(300),
        postcode varchar(8),
        nhs_number varchar(10),
        upn varchar(13),
        pnc_id varchar(13),
        CHECK (date_of_birth IS NOT NULL OR nhs_number IS NOT NULL OR upn IS NOT NULL OR pnc_id IS NOT NULL)
      );
      CREATE INDEX idx_mash_subject_case ON mash_subject (case_id);
      CREATE TABLE rag_rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES mash_case (id) ON DELETE RESTRICT,
        rag varchar(8) NOT NULL CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
        rationale text NOT NULL,
        rated_by varchar(200) NOT NULL,
        rated_at timestamptz NOT NULL
      );
      CREATE INDEX idx_rag_rating_case ON rag_rating (case_id, rated_at);
      CREATE TABLE consent_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES mash_case (id) ON DELETE RESTRICT,
        status varchar(16) NOT NULL CHECK (status IN ('NOT_SOUGHT', 'GIVEN', 'REFUSED', 'OVERRIDDEN')),
        early_help_sharing boolean NOT NULL,
        note varchar(1000),
        recorded_by varchar(200) NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX idx_consent_record_case ON consent_record (case_id, recorded_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE consent_record;
      DROP TABLE rag_rating;
      DROP TABLE mash_subject;
      DROP TABLE mash_case;
      DROP SEQUENCE mash_case_reference_seq;
    `);
  }
}
