import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/require-role';
import type { GatewayContext } from '../../context';
import { Case } from '../entities/case.entity';
import { RatingReviewStatus } from '../entities/enums';
import { RatingReview } from '../entities/rating-review.entity';
import { actorOf, CASE_WORKERS } from './referral.resolver';

/** Separation of duties for opening a case to agency data: confirming, overturning, the review queue. */
@Resolver(() => Case)
export class RatingResolver {
  @Mutation(() => Case, {
    description:
      'Confirm the rating under review as a second person: someone other than whoever gave the rating or recorded the referral. ' +
      'An AMBER (or other waiting) rating then opens the case to agency data; an urgent RED rating needs a manager',
  })
  confirmRating(
    @Arg('caseId', () => ID, { description: 'The case whose rating you confirm' }) caseId: string,
    @Arg('rationale', () => String, { description: 'Why you agree with the rating, in your own words' }) rationale: string,
    @Ctx() context: GatewayContext,
    @Arg('reviewId', () => ID, { nullable: true, description: 'A particular open review; by default the review of the current rating, else the latest open one' })
    reviewId?: string | null,
  ): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'confirm ratings');
    return context.cases.confirmRating({ caseId, rationale, reviewId }, actorOf(user, context));
  }

  @Mutation(() => Case, {
    description:
      'Overturn the rating under review (managers only). While it is the current rating, no further agency data is shared for the case; ' +
      're-rate the case if the concern still stands',
  })
  overturnRating(
    @Arg('caseId', () => ID, { description: 'The case whose rating you overturn' }) caseId: string,
    @Arg('rationale', () => String, { description: 'Why the rating should not stand, in your own words' }) rationale: string,
    @Ctx() context: GatewayContext,
    @Arg('reviewId', () => ID, { nullable: true, description: 'A particular open review; by default the review of the current rating, else the latest open one' })
    reviewId?: string | null,
  ): Promise<Case> {
    const user = requireRole(context.user, CASE_WORKERS, 'overturn ratings');
    return context.cases.overturnRating({ caseId, rationale, reviewId }, actorOf(user, context));
  }

  @Query(() => [RatingReview], {
    name: 'ratingReviews',
    description: 'Ratings waiting for a second person or a manager (or closed ones), oldest first: the review queue for managers and triage staff',
  })
  reviewQueue(
    @Ctx() context: GatewayContext,
    @Arg('status', () => RatingReviewStatus, { defaultValue: RatingReviewStatus.OPEN, description: 'Which reviews to list; OPEN by default' })
    status: RatingReviewStatus,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most this many, 1 to 200' }) limit: number,
  ): Promise<RatingReview[]> {
    requireRole(context.user, CASE_WORKERS, 'read the rating review queue');
    return context.hub.getRepository(RatingReview).find({ where: { status }, order: { openedAt: 'ASC' }, take: Math.min(Math.max(limit, 1), 200) });
  }

  @FieldResolver(() => RatingReview, { nullable: true, description: 'The review of the current rating, if it needed one (open or closed)' })
  async ratingReview(@Root() record: Case, @Ctx() context: GatewayContext): Promise<RatingReview | null> {
    if (!record.currentRatingId) return null;
    return context.hub.getRepository(RatingReview).findOneBy({ ratingId: record.currentRatingId });
  }

  @FieldResolver(() => [RatingReview], { description: 'Every review of this case\'s ratings, newest first, including ones a re-rating left open' })
  ratingReviews(@Root() record: Case, @Ctx() context: GatewayContext): Promise<RatingReview[]> {
    return context.hub.getRepository(RatingReview).find({ where: { caseId: record.id }, order: { openedAt: 'DESC' } });
  }
}
