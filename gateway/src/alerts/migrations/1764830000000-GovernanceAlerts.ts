import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 part 7: alerts for governance review, and where the scanner has got to. An alert is
 * append-only evidence: the database refuses deleting one and any change but the single
 * OPEN -> ACKNOWLEDGED step, which must say who, when and why (the note).
 */
export class GovernanceAlerts1764830000000 implements MigrationInterface {
  name = 'GovernanceAlerts1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE governance_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        rule_id varchar(64) NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('RATING_RAISED_THEN_FETCHED', 'URGENT_RATING_UNREVIEWED', 'CONSENT_RECORDED_AND_USED',
          'UNUSUAL_VOLUME', 'REPEATED_DENIALS', 'OUT_OF_HOURS', 'UNISSUED_GRANT')),
        severity varchar(8) NOT NULL CHECK (severity IN ('HIGH', 'MEDIUM', 'LOW')),
        -- The same finding always gets the same key, so a rescan never raises it twice.
        dedup_key varchar(400) NOT NULL UNIQUE,
        user_id varchar(200),
        case_id varchar(64),
        agency varchar(64),
        span_from timestamptz NOT NULL,
        span_to timestamptz NOT NULL CHECK (span_to >= span_from),
        summary text NOT NULL,
        evidence jsonb NOT NULL,
        policy_version varchar(64),
        raised_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED')),
        acknowledged_by varchar(200),
        acknowledged_at timestamptz,
        note text,
        CONSTRAINT governance_alert_acknowledgement CHECK (
          (status = 'OPEN' AND acknowledged_by IS NULL AND acknowledged_at IS NULL AND note IS NULL)
          OR (status = 'ACKNOWLEDGED' AND acknowledged_by IS NOT NULL AND acknowledged_at IS NOT NULL AND length(btrim(note)) > 0))
      );
      CREATE INDEX governance_alert_status_idx ON governance_alert (status, seq);
      CREATE INDEX governance_alert_kind_idx ON governance_alert (kind, seq);

      CREATE FUNCTION governance_alert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'OPEN' THEN
            RAISE EXCEPTION 'governance_alert: an alert is raised OPEN' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
          RAISE EXCEPTION 'governance_alert is append-only: % is refused', TG_OP
            USING ERRCODE = 'insufficient_privilege', HINT = 'An alert is acknowledged with a note, never removed.';
        END IF;
        -- UPDATE: only OPEN -> ACKNOWLEDGED, and nothing but the acknowledgement's own columns.
        IF OLD.status <> 'OPEN' OR NEW.status <> 'ACKNOWLEDGED'
           OR (to_jsonb(NEW) - 'status' - 'acknowledged_by' - 'acknowledged_at' - 'note')
              IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'acknowledged_by' - 'acknowledged_at' - 'note') THEN
          RAISE EXCEPTION 'governance_alert %: the only change allowed is acknowledging an OPEN alert', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER governance_alert_guard_row BEFORE INSERT OR UPDATE OR DELETE ON governance_alert
        FOR EACH ROW EXECUTE FUNCTION governance_alert_guard();
      CREATE TRIGGER governance_alert_no_truncate BEFORE TRUNCATE ON governance_alert
        FOR EACH STATEMENT EXECUTE FUNCTION governance_alert_guard();

      -- How far the scanner has read each source: the access log and each agency's disclosure log
      -- by seq, the rating reviews by time. Moved in the transaction that inserts the alerts.
      CREATE TABLE governance_alert_watermark (
        source varchar(64) PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        scanned_at timestamptz
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE governance_alert_watermark;
      DROP TABLE governance_alert;
      DROP FUNCTION governance_alert_guard();
    `);
  }
}
