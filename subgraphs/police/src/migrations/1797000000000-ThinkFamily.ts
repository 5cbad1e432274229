import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_CLASSIFICATIONS = `'DOMESTIC_ABUSE', 'CONCERN_FOR_SAFETY', 'MISSING_PERSON', 'ANTI_SOCIAL_BEHAVIOUR', 'VIOLENCE', 'THEFT',
    'CRIMINAL_DAMAGE', 'DRUGS', 'PUBLIC_ORDER', 'OTHER'`;

/**
 * Think family (issue 10): occurrence classifications for hate crime and for honour-based abuse,
 * forced marriage and FGM; and public protection (`offender_management`: MAPPA category and level,
 * registered sex offender, SHPO, ViSOR), one row per nominal under management. The associates
 * query is served by the existing indexes (occurrence_person by nominal and by occurrence,
 * nominal_address by UPRN and by postcode).
 */
export class ThinkFamily1797000000000 implements MigrationInterface {
  name = 'ThinkFamily1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
ALTER TABLE occurrence DROP CONSTRAINT occurrence_classification_check;
ALTER TABLE occurrence ADD CONSTRAINT occurrence_classification_check CHECK (classification IN (${OLD_CLASSIFICATIONS},
    'HATE_CRIME', 'HONOUR_BASED_ABUSE', 'FORCED_MARRIAGE', 'FGM'));

CREATE TABLE offender_management (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nominal_id uuid NOT NULL REFERENCES police_nominal (id) ON DELETE CASCADE,
  mappa_category smallint CHECK (mappa_category BETWEEN 1 AND 3),
  mappa_level smallint CHECK (mappa_level BETWEEN 1 AND 3),
  registered_sex_offender boolean NOT NULL,
  shpo boolean NOT NULL,
  visor boolean NOT NULL,
  CONSTRAINT chk_offender_management_mappa CHECK ((mappa_category IS NULL) = (mappa_level IS NULL)),
  -- MAPPA category 1 is, by definition, registered sex offenders.
  CONSTRAINT chk_offender_management_category_1 CHECK (mappa_category IS DISTINCT FROM 1 OR registered_sex_offender)
);
CREATE UNIQUE INDEX uq_offender_management_nominal ON offender_management (nominal_id);
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TABLE offender_management;
DELETE FROM occurrence WHERE classification IN ('HATE_CRIME', 'HONOUR_BASED_ABUSE', 'FORCED_MARRIAGE', 'FGM');
ALTER TABLE occurrence DROP CONSTRAINT occurrence_classification_check;
ALTER TABLE occurrence ADD CONSTRAINT occurrence_classification_check CHECK (classification IN (${OLD_CLASSIFICATIONS}));
`);
  }
}
