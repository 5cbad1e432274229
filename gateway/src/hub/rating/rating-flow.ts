import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import type { RatingControl } from '../../policy';
import type { Case } from '../entities/case.entity';
import { RatingConfirmation, RatingReviewKind, RatingReviewStatus, type Rag } from '../entities/enums';
import { RagRating } from '../entities/rag-rating.entity';
import { RatingReview } from '../entities/rating-review.entity';
import { assessRating } from './assess-rating';

/** Who acts, with the roles their token carries. */
export interface RatingActor {
  userId: string;
  roles: readonly string[];
}

/**
 * Records a rating on a case already locked by the caller's transaction: supersedes reviews still
 * waiting for a second person (nothing was shared under them), assesses the new rating and opens
 * its review if it needs one. Urgent reviews stay open: data was shared under them, so a manager
 * must still look. Returns the access-log detail (ids only; the rationale stays in the register).
 */
export async function applyRating(
  manager: EntityManager,
  record: Case,
  rating: { rag: Rag; rationale: string; dueBy?: Date | null },
  actor: RatingActor,
  now: Date,
  control: RatingControl,
): Promise<string> {
  const saved = await manager.save(manager.create(RagRating, { caseId: record.id, rag: rating.rag, rationale: rating.rationale, ratedBy: actor.userId, ratedAt: now, dueBy: rating.dueBy ?? null }));
  const waiting = await manager.find(RatingReview, { where: { caseId: record.id, status: RatingReviewStatus.OPEN, kind: RatingReviewKind.SECOND_PERSON } });
  for (const review of waiting) {
    Object.assign(review, { status: RatingReviewStatus.SUPERSEDED, closedBy: actor.userId, closedAt: now, closingRationale: `Superseded by rating ${saved.id}` });
  }
  await manager.save(waiting);
  const overturnedBefore = (await manager.count(RatingReview, { where: { caseId: record.id, status: RatingReviewStatus.OVERTURNED } })) > 0;
  const assessment = assessRating(control, {
    rag: rating.rag,
    rater: { id: actor.userId, roles: actor.roles },
    recorderId: record.createdBy,
    previous: { rag: record.rag, state: record.ratingState },
    overturnedBefore,
  });
  record.rag = rating.rag;
  record.ratingState = assessment.state;
  record.currentRatingId = saved.id;
  const parts = [`rag=${rating.rag}`, `rating=${saved.id}`, `confirmation=${assessment.state}`];
  if (assessment.review) {
    const review = await manager.save(
      manager.create(RatingReview, {
        caseId: record.id,
        caseReference: record.reference,
        ratingId: saved.id,
        kind: assessment.review,
        status: RatingReviewStatus.OPEN,
        rag: rating.rag,
        ratedBy: actor.userId,
        recordedBy: record.createdBy,
        openedAt: now,
      }),
    );
    parts.push(`review=${review.id} ${assessment.review} opened`);
  }
  if (waiting.length > 0) parts.push(`superseded=${waiting.map((review) => review.id).join(',')}`);
  return parts.join(' ');
}

export type ReviewOutcome = RatingReviewStatus.CONFIRMED | RatingReviewStatus.OVERTURNED;

/**
 * Confirms or overturns a rating under review, on a case locked by the caller: by default the
 * review of the current rating, else the latest review still open (one a re-rating left behind,
 * e.g. GREEN -> RED -> read -> GREEN). Refuses anyone the policy does not let close it.
 */
export async function closeReview(
  manager: EntityManager,
  record: Case,
  outcome: ReviewOutcome,
  actor: RatingActor,
  rationale: string,
  now: Date,
  control: RatingControl,
  reviewId?: string | null,
): Promise<string> {
  const open = await manager.find(RatingReview, { where: { caseId: record.id, status: RatingReviewStatus.OPEN }, order: { openedAt: 'DESC' } });
  const review = reviewId
    ? open.find((candidate) => candidate.id === reviewId)
    : (open.find((candidate) => candidate.ratingId === record.currentRatingId) ?? open[0]);
  if (!review) {
    throw new GraphQLError(
      reviewId
        ? `Invalid input. reviewId: case ${record.reference} has no open rating review with that id.`
        : `Invalid input. caseId: no rating of case ${record.reference} is waiting for confirmation or review.`,
      { extensions: { code: 'BAD_USER_INPUT', field: reviewId ? 'reviewId' : 'caseId' } },
    );
  }
  refuseIneligible(review, outcome, actor, control);
  Object.assign(review, { status: outcome, closedBy: actor.userId, closedAt: now, closingRationale: rationale });
  await manager.save(review);
  if (review.ratingId === record.currentRatingId) {
    record.ratingState = outcome === RatingReviewStatus.CONFIRMED ? RatingConfirmation.CONFIRMED : RatingConfirmation.OVERTURNED;
  }
  return `review=${review.id} rating=${review.ratingId} ${review.kind} ${review.rag} ${outcome} confirmation=${record.ratingState}`;
}

function refuseIneligible(review: RatingReview, outcome: ReviewOutcome, actor: RatingActor, control: RatingControl): void {
  const holds = (roles: readonly string[]) => actor.roles.some((role) => roles.includes(role));
  const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
  const reviewers = control.reviewerRoles.join(' or ');
  if (outcome === RatingReviewStatus.OVERTURNED) {
    if (!holds(control.reviewerRoles)) throw forbidden(`Only a ${reviewers} may overturn a rating; ask one to review it.`);
    return;
  }
  if (review.kind === RatingReviewKind.URGENT && !holds(control.reviewerRoles)) {
    throw forbidden(`An urgent ${review.rag} rating is confirmed or overturned by a ${reviewers}; yours is a second opinion, not the review.`);
  }
  if (review.kind === RatingReviewKind.SECOND_PERSON && !holds([...control.secondPersonRoles, ...control.reviewerRoles])) {
    throw forbidden(`Only ${[...new Set([...control.secondPersonRoles, ...control.reviewerRoles])].join(' or ')} may confirm a rating.`);
  }
  if (actor.userId === review.ratedBy) {
    throw forbidden('You gave this rating, so you cannot also confirm it: a second person must.');
  }
  if (actor.userId === review.recordedBy) {
    throw forbidden('You recorded this referral, so you cannot be the one who confirms its rating: ask someone who has not worked it.');
  }
}
