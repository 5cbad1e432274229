import type { RatingControl } from '../../policy';
import { RatingConfirmation, RatingReviewKind, type Rag } from '../entities/enums';

/** What is known when a rating is given. */
export interface RatingCircumstances {
  rag: Rag;
  rater: { id: string; roles: readonly string[] };
  /** Who recorded the referral. */
  recorderId: string;
  /** The case's rating before this one. */
  previous: { rag: Rag | null; state: RatingConfirmation | null };
  /** A reviewer overturned a rating of this case before: from then on nothing opens it at once. */
  overturnedBefore: boolean;
}

export interface RatingAssessment {
  state: RatingConfirmation;
  /** The review to open, if the rating needs a second person. */
  review: RatingReviewKind | null;
}

/**
 * Where a new rating stands under the ISA's `ratingControl` (issue 9: one triage officer alone
 * must not open anyone's records). Pure: the case register applies the result.
 */
export function assessRating(control: RatingControl, rating: RatingCircumstances): RatingAssessment {
  if (!control.opensSharing.includes(rating.rag)) return { state: RatingConfirmation.NOT_NEEDED, review: null };
  // Moving between opening ratings (RED <-> AMBER) once sharing was confirmed opens nothing new.
  // Down to GREEN and up again is a new opening, and needs confirming again.
  const { previous } = rating;
  if (previous.rag && control.opensSharing.includes(previous.rag) && previous.state === RatingConfirmation.CONFIRMED) {
    return { state: RatingConfirmation.CONFIRMED, review: null };
  }
  const selfConfirming = rating.rater.roles.some((role) => (control.confirmedWhenRatedBy as string[]).includes(role));
  // An ISA may say that whoever recorded a referral never opens it alone, whatever their role.
  const ownReferral = rating.rater.id === rating.recorderId;
  if (selfConfirming && (control.selfConfirmOwnReferral || !ownReferral)) return { state: RatingConfirmation.CONFIRMED, review: null };
  if (control.urgent.includes(rating.rag) && !rating.overturnedBefore) {
    return { state: RatingConfirmation.URGENT_AWAITING_REVIEW, review: RatingReviewKind.URGENT };
  }
  return { state: RatingConfirmation.AWAITING_CONFIRMATION, review: RatingReviewKind.SECOND_PERSON };
}
