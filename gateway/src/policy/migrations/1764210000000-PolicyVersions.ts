import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ISA's version history. Immutable by trigger rather than by convention: a governance lead
 * must be able to show what policy decided any past fetch, who changed it, when and why.
 */
export class PolicyVersions1764210000000 implements MigrationInterface {
  name = 'PolicyVersions1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE isa_policy_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version varchar(64) NOT NULL UNIQUE,
  document jsonb NOT NULL,
  document_hash varchar(64) NOT NULL,
  status varchar(16) NOT NULL CHECK (status IN ('PROPOSED', 'ACTIVE', 'RETIRED')),
  proposed_by varchar(200) NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL,
  activated_by varchar(200),
  activated_at timestamptz,
  activation_reason text,
  retired_by varchar(200),
  retired_at timestamptz
);
-- At most one version is in force at any time.
CREATE UNIQUE INDEX isa_policy_version_one_active ON isa_policy_version (status) WHERE status = 'ACTIVE';

CREATE FUNCTION isa_policy_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER isa_policy_version_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON isa_policy_version
  FOR EACH ROW EXECUTE FUNCTION isa_policy_version_guard();
CREATE TRIGGER isa_policy_version_no_truncate
  BEFORE TRUNCATE ON isa_policy_version
  FOR EACH STATEMENT EXECUTE FUNCTION isa_policy_version_guard();
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TABLE isa_policy_version;
DROP FUNCTION isa_policy_version_guard();
`);
  }
}
