import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties for opening a case to agency data: each case records where its current
 * rating stands, and each rating that needs a second person gets a review. Ratings given before
 * this existed were given by one person alone, so open RED and AMBER cases start under review
 * (RED keeps sharing, AMBER waits for a second person); closed cases keep the rating their
 * decision was made on.
 */
export class RatingReviews1764300000000 implements MigrationInterface {
  name = 'RatingReviews1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mash_case
        ADD COLUMN rating_state varchar(24)
          CHECK (rating_state IN ('NOT_NEEDED', 'AWAITING_CONFIRMATION', 'URGENT_AWAITING_REVIEW', 'CONFIRMED', 'OVERTURNED')),
        ADD COLUMN current_rating_id uuid REFERENCES rag_rating (id) ON DELETE RESTRICT;
      CREATE TABLE rating_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES mash_case (id) ON DELETE RESTRICT,
        case_reference varchar(32) NOT NULL,
        rating_id uuid NOT NULL UNIQUE REFERENCES rag_rating (id) ON DELETE RESTRICT,
        kind varchar(16) NOT NULL CHECK (kind IN ('SECOND_PERSON', 'URGENT')),
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'OVERTURNED', 'SUPERSEDED')),
        rag varchar(8) NOT NULL CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
        rated_by varchar(200) NOT NULL,
        recorded_by varchar(200) NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_by varchar(200),
        closed_at timestamptz,
        closing_rationale text,
        CHECK ((status = 'OPEN') = (closed_at IS NULL)),
        -- Nobody confirms their own rating, nor the rating of a referral they recorded.
        CHECK (status <> 'CONFIRMED' OR (closed_by <> rated_by AND closed_by <> recorded_by))
      );
      CREATE INDEX idx_rating_review_status_opened ON rating_review (status, opened_at);
      CREATE INDEX idx_rating_review_case ON rating_review (case_id);

      UPDATE mash_case c SET current_rating_id = (
        SELECT r.id FROM rag_rating r WHERE r.case_id = c.id ORDER BY r.rated_at DESC, r.id DESC LIMIT 1
      );
      INSERT INTO rating_review (case_id, case_reference, rating_id, kind, status, rag, rated_by, recorded_by, opened_at)
        SELECT c.id, c.reference, r.id, CASE WHEN c.rag = 'RED' THEN 'URGENT' ELSE 'SECOND_PERSON' END, 'OPEN', c.rag, r.rated_by, c.created_by, r.rated_at
          FROM mash_case c JOIN rag_rating r ON r.id = c.current_rating_id
         WHERE c.status = 'OPEN' AND c.rag IN ('RED', 'AMBER');
      UPDATE mash_case SET rating_state = CASE
          WHEN rag IS NULL THEN NULL
          WHEN rag = 'GREEN' THEN 'NOT_NEEDED'
          WHEN status = 'CLOSED' THEN 'CONFIRMED'
          WHEN rag = 'RED' THEN 'URGENT_AWAITING_REVIEW'
          ELSE 'AWAITING_CONFIRMATION'
        END;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE rating_review;
      ALTER TABLE mash_case DROP COLUMN current_rating_id, DROP COLUMN rating_state;
    `);
  }
}
