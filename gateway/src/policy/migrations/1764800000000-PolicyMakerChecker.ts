import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maker-checker for the ISA (issue 12). PROPOSED becomes DRAFT; a draft may be withdrawn
 * (DRAFT -> RETIRED); approvals are their own immutable table; and the database itself refuses an
 * activation that lacks its checkers: the activator is never the proposer, and the activator and
 * the recorded approvers other than the proposer number at least `approvers_needed` (1, or 2 for a
 * version that widens sharing, which the gateway works out and records). Only the very first
 * version on an empty hub (the default installed at first start) is exempt.
 */
export class PolicyMakerChecker1764800000000 implements MigrationInterface {
  name = 'PolicyMakerChecker1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
ALTER TABLE isa_policy_version DROP CONSTRAINT isa_policy_version_status_check;
ALTER TABLE isa_policy_version DISABLE TRIGGER isa_policy_version_immutable;
UPDATE isa_policy_version SET status = 'DRAFT' WHERE status = 'PROPOSED';
ALTER TABLE isa_policy_version ENABLE TRIGGER isa_policy_version_immutable;
ALTER TABLE isa_policy_version ADD CONSTRAINT isa_policy_version_status_check CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED'));
ALTER TABLE isa_policy_version
  ADD COLUMN approvers_needed smallint,
  ADD COLUMN widening jsonb,
  ADD COLUMN retirement_reason text;

CREATE TABLE isa_policy_approval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version varchar(64) NOT NULL REFERENCES isa_policy_version (version),
  approver varchar(200) NOT NULL,
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (version, approver)
);

CREATE FUNCTION isa_policy_approval_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target isa_policy_version%ROWTYPE;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'isa_policy_approval is immutable history: approvals cannot be changed or deleted';
  END IF;
  SELECT * INTO target FROM isa_policy_version WHERE version = NEW.version;
  IF target.status IS DISTINCT FROM 'DRAFT' THEN
    RAISE EXCEPTION 'isa_policy_approval: version % is not a DRAFT; only a draft is approved', NEW.version;
  END IF;
  IF NEW.approver = target.proposed_by THEN
    RAISE EXCEPTION 'isa_policy_approval: % proposed version % and cannot approve it', NEW.approver, NEW.version;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER isa_policy_approval_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON isa_policy_approval
  FOR EACH ROW EXECUTE FUNCTION isa_policy_approval_guard();
CREATE TRIGGER isa_policy_approval_no_truncate
  BEFORE TRUNCATE ON isa_policy_approval
  FOR EACH STATEMENT EXECUTE FUNCTION isa_policy_approval_guard();

CREATE OR REPLACE FUNCTION isa_policy_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checkers integer;
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'isa_policy_version is immutable history: rows cannot be deleted';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'DRAFT' OR NEW.activated_by IS NOT NULL OR NEW.activated_at IS NOT NULL OR NEW.activation_reason IS NOT NULL
       OR NEW.retired_by IS NOT NULL OR NEW.retired_at IS NOT NULL OR NEW.retirement_reason IS NOT NULL
       OR NEW.approvers_needed IS NOT NULL OR NEW.widening IS NOT NULL THEN
      RAISE EXCEPTION 'isa_policy_version %: a new version must start as DRAFT', NEW.version;
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.document IS DISTINCT FROM OLD.document OR NEW.document_hash IS DISTINCT FROM OLD.document_hash
     OR NEW.proposed_by IS DISTINCT FROM OLD.proposed_by OR NEW.proposed_at IS DISTINCT FROM OLD.proposed_at
     OR NEW.reason IS DISTINCT FROM OLD.reason THEN
    RAISE EXCEPTION 'isa_policy_version %: the document, version and proposal are immutable', OLD.version;
  END IF;
  IF OLD.status = 'DRAFT' AND NEW.status = 'ACTIVE' THEN
    IF NEW.activated_by IS NULL OR NEW.activated_at IS NULL OR NEW.activation_reason IS NULL
       OR NEW.approvers_needed IS NULL OR NEW.widening IS NULL
       OR NEW.retired_by IS NOT NULL OR NEW.retired_at IS NOT NULL OR NEW.retirement_reason IS NOT NULL THEN
      RAISE EXCEPTION 'isa_policy_version %: activation must record who, when, why, the checkers needed and the widening, and nothing else', OLD.version;
    END IF;
    -- Maker-checker; the first version on an empty hub (installed at first start) is exempt.
    IF EXISTS (SELECT 1 FROM isa_policy_version WHERE id <> OLD.id) THEN
      IF NEW.activated_by = OLD.proposed_by THEN
        RAISE EXCEPTION 'isa_policy_version %: the proposer % cannot activate it', OLD.version, OLD.proposed_by;
      END IF;
      SELECT count(*) INTO checkers FROM (
        SELECT approver FROM isa_policy_approval WHERE version = OLD.version AND approver <> OLD.proposed_by
        UNION SELECT NEW.activated_by
      ) AS distinct_checkers;
      IF NEW.approvers_needed < 1 OR checkers < NEW.approvers_needed THEN
        RAISE EXCEPTION 'isa_policy_version %: % approvers other than the proposer, % needed', OLD.version, checkers, NEW.approvers_needed;
      END IF;
    END IF;
  ELSIF (OLD.status = 'ACTIVE' OR OLD.status = 'DRAFT') AND NEW.status = 'RETIRED' THEN
    IF NEW.activated_by IS DISTINCT FROM OLD.activated_by OR NEW.activated_at IS DISTINCT FROM OLD.activated_at
       OR NEW.activation_reason IS DISTINCT FROM OLD.activation_reason
       OR NEW.approvers_needed IS DISTINCT FROM OLD.approvers_needed OR NEW.widening IS DISTINCT FROM OLD.widening
       OR NEW.retired_by IS NULL OR NEW.retired_at IS NULL
       OR (OLD.status = 'DRAFT' AND NEW.retirement_reason IS NULL) THEN
      RAISE EXCEPTION 'isa_policy_version %: retirement must record who and when (and why, for a withdrawn draft), and change nothing else', OLD.version;
    END IF;
  ELSE
    RAISE EXCEPTION 'isa_policy_version %: status may only go DRAFT -> ACTIVE -> RETIRED or DRAFT -> RETIRED, not % -> %',
      OLD.version, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END;
$$;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to 1764210000000: withdrawn drafts stay RETIRED (a state it allows); approvals are dropped.
    await queryRunner.query(`
DROP TABLE isa_policy_approval;
DROP FUNCTION isa_policy_approval_guard();
ALTER TABLE isa_policy_version DROP CONSTRAINT isa_policy_version_status_check;
ALTER TABLE isa_policy_version DISABLE TRIGGER isa_policy_version_immutable;
UPDATE isa_policy_version SET status = 'PROPOSED' WHERE status = 'DRAFT';
ALTER TABLE isa_policy_version ENABLE TRIGGER isa_policy_version_immutable;
ALTER TABLE isa_policy_version ADD CONSTRAINT isa_policy_version_status_check CHECK (status IN ('PROPOSED', 'ACTIVE', 'RETIRED'));
ALTER TABLE isa_policy_version DROP COLUMN approvers_needed, DROP COLUMN widening, DROP COLUMN retirement_reason;

CREATE OR REPLACE FUNCTION isa_policy_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'isa_policy_version is immutable history: rows cannot be deleted';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'PROPOSED' OR NEW.activated_by IS NOT NULL OR NEW.activated_at IS NOT NULL
       OR NEW.retired_by IS NOT NULL OR NEW.retired_at IS NOT NULL THEN
      RAISE EXCEPTION 'isa_policy_version %: a new version must start as PROPOSED', NEW.version;
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.document IS DISTINCT FROM OLD.document OR NEW.document_hash IS DISTINCT FROM OLD.document_hash
     OR NEW.proposed_by IS DISTINCT FROM OLD.proposed_by OR NEW.proposed_at IS DISTINCT FROM OLD.proposed_at
     OR NEW.reason IS DISTINCT FROM OLD.reason THEN
    RAISE EXCEPTION 'isa_policy_version %: the document, version and proposal are immutable', OLD.version;
  END IF;
  IF OLD.status = 'PROPOSED' AND NEW.status = 'ACTIVE' THEN
    IF NEW.activated_by IS NULL OR NEW.activated_at IS NULL OR NEW.activation_reason IS NULL
       OR NEW.retired_by IS NOT NULL OR NEW.retired_at IS NOT NULL THEN
      RAISE EXCEPTION 'isa_policy_version %: activation must record who, when and why, and nothing else', OLD.version;
    END IF;
  ELSIF OLD.status = 'ACTIVE' AND NEW.status = 'RETIRED' THEN
    IF NEW.activated_by IS DISTINCT FROM OLD.activated_by OR NEW.activated_at IS DISTINCT FROM OLD.activated_at
       OR NEW.activation_reason IS DISTINCT FROM OLD.activation_reason
       OR NEW.retired_by IS NULL OR NEW.retired_at IS NULL THEN
      RAISE EXCEPTION 'isa_policy_version %: retirement must record who and when, and change nothing else', OLD.version;
    END IF;
  ELSE
    RAISE EXCEPTION 'isa_policy_version %: status may only go PROPOSED -> ACTIVE -> RETIRED, not % -> %',
      OLD.version, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END;
$$;
`);
  }
}
