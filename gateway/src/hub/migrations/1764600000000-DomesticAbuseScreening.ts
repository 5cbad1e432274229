import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, parts 5 and 6: police domestic-abuse notifications (STANDARD and MEDIUM risk) waiting
 * to be screened, the people they name, the screening decision; and the onward-notification
 * outbox (Operation Encompass to the child's school, the GP when the ISA says so) with every
 * delivery attempt.
 */
export class DomesticAbuseScreening1764600000000 implements MigrationInterface {
  name = 'DomesticAbuseScreening1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE da_notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        police_reference varchar(64) NOT NULL UNIQUE,
        police_force varchar(100),
        incident_at timestamptz NOT NULL,
        dash_risk varchar(8) NOT NULL CHECK (dash_risk IN ('STANDARD', 'MEDIUM')),
        children_present boolean NOT NULL,
        summary text,
        content_hash char(64) NOT NULL,
        received_at timestamptz NOT NULL,
        received_by varchar(200) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'SCREENED')),
        outcome varchar(24) CHECK (outcome IN ('NO_FURTHER_ACTION', 'EARLY_HELP_OFFER', 'ESCALATE_TO_CASE')),
        rationale text,
        consent_recorded boolean NOT NULL DEFAULT false,
        screened_at timestamptz,
        screened_by varchar(200),
        case_id uuid REFERENCES mash_case (id),
        claimed_by varchar(200),
        claimed_at timestamptz,
        CONSTRAINT da_notification_screened CHECK ((status = 'SCREENED') = (outcome IS NOT NULL AND screened_at IS NOT NULL AND rationale IS NOT NULL)),
        CONSTRAINT da_notification_early_help_consent CHECK (outcome IS DISTINCT FROM 'EARLY_HELP_OFFER' OR consent_recorded),
        CONSTRAINT da_notification_escalated_case CHECK (outcome IS DISTINCT FROM 'ESCALATE_TO_CASE' OR case_id IS NOT NULL)
      );
      CREATE INDEX idx_da_notification_queue ON da_notification (status, received_at);

      CREATE TABLE da_person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES da_notification (id),
        position smallint NOT NULL,
        role varchar(24) NOT NULL CHECK (role IN ('VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD')),
        given_name varchar(100),
        family_name varchar(100) NOT NULL,
        date_of_birth date,
        gender varchar(8),
        address_line varchar(300),
        postcode varchar(8),
        nhs_number varchar(10),
        upn varchar(13),
        pnc_id varchar(13),
        subject_id uuid REFERENCES mash_subject (id),
        UNIQUE (notification_id, position)
      );

      CREATE TABLE onward_notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES da_notification (id),
        case_id uuid REFERENCES mash_case (id),
        subject_id uuid REFERENCES mash_subject (id),
        person_id uuid NOT NULL REFERENCES da_person (id),
        kind varchar(24) NOT NULL CHECK (kind IN ('OPERATION_ENCOMPASS', 'GP_NOTIFICATION')),
        recipient_code varchar(16),
        recipient_name varchar(200),
        recipient_contact varchar(200),
        status varchar(24) NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED', 'RECIPIENT_NOT_FOUND')),
        failure_code varchar(24),
        failure_reason text,
        payload jsonb,
        due_at timestamptz NOT NULL,
        next_attempt_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        round_attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        created_by varchar(200) NOT NULL,
        CONSTRAINT onward_notification_sendable CHECK (status NOT IN ('PENDING', 'RETRYING', 'DELIVERED') OR (payload IS NOT NULL AND recipient_code IS NOT NULL)),
        CONSTRAINT onward_notification_delivered CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      );
      CREATE INDEX idx_onward_notification_due ON onward_notification (status, next_attempt_at);
      CREATE INDEX idx_onward_notification_notification ON onward_notification (notification_id);

      CREATE TABLE onward_notification_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outbox_id uuid NOT NULL REFERENCES onward_notification (id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        outcome varchar(16) NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED')),
        http_status integer,
        error varchar(64),
        duration_ms integer NOT NULL,
        UNIQUE (outbox_id, attempt)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE onward_notification_attempt;
      DROP TABLE onward_notification;
      DROP TABLE da_person;
      DROP TABLE da_notification;
    `);
  }
}
