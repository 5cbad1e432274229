import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Family relationships between people the local authority holds (think family, issue 10): what
 * `loadAssociates` reads beside the household at the same UPRN. Stored both ways round; the
 * primary key (person_id, related_person_id) serves the associates query's `person_id = ANY($1)`.
 * The relationship codes are written out here, as in InitialSocialCare.
 */
export class PersonRelationship1797000000000 implements MigrationInterface {
  name = 'PersonRelationship1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE TABLE sc_person_relationship (
  person_id varchar(16) NOT NULL CONSTRAINT fk_sc_relationship_person REFERENCES sc_person (person_id) ON DELETE CASCADE,
  related_person_id varchar(16) NOT NULL CONSTRAINT fk_sc_relationship_related REFERENCES sc_person (person_id) ON DELETE CASCADE,
  relationship varchar(16) NOT NULL CHECK (relationship IN ('PARENT', 'CHILD', 'SIBLING', 'PARTNER', 'FAMILY_MEMBER')),
  role varchar(40),
  since_date date,
  CONSTRAINT pk_sc_person_relationship PRIMARY KEY (person_id, related_person_id),
  CONSTRAINT chk_sc_relationship_not_self CHECK (person_id <> related_person_id)
);
CREATE INDEX idx_sc_relationship_related ON sc_person_relationship (related_person_id);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sc_person_relationship');
  }
}
