import { DEFAULT_POLICY } from '../../../policy';
import { Rag, RatingConfirmation as State, RatingReviewKind as Review } from '../../entities/enums';
import { assessRating, type RatingCircumstances } from '../assess-rating';

const control = DEFAULT_POLICY.ratingControl;

function rating(rag: keyof typeof Rag, roles: string[] = ['mash-triage'], overrides: Partial<RatingCircumstances> = {}): RatingCircumstances {
  return { rag: Rag[rag], rater: { id: 'rater', roles }, recorderId: 'recorder', previous: { rag: null, state: null }, overturnedBefore: false, ...overrides };
}

describe('assessRating under the default ratingControl', () => {
  it.each([
    ['GREEN by triage', rating('GREEN'), State.NOT_NEEDED, null],
    ['AMBER by triage', rating('AMBER'), State.AWAITING_CONFIRMATION, Review.SECOND_PERSON],
    ['RED by triage (urgent)', rating('RED'), State.URGENT_AWAITING_REVIEW, Review.URGENT],
    ['AMBER by a manager', rating('AMBER', ['mash-manager']), State.CONFIRMED, null],
    ['RED by a manager', rating('RED', ['mash-manager']), State.CONFIRMED, null],
    ['AMBER by a manager who recorded the referral', rating('AMBER', ['mash-manager'], { recorderId: 'rater' }), State.CONFIRMED, null],
    ['RED by triage after an overturn', rating('RED', ['mash-triage'], { overturnedBefore: true }), State.AWAITING_CONFIRMATION, Review.SECOND_PERSON],
    ['AMBER -> RED once AMBER was confirmed', rating('RED', ['mash-triage'], { previous: { rag: Rag.AMBER, state: State.CONFIRMED } }), State.CONFIRMED, null],
    ['GREEN -> AMBER (down and up again)', rating('AMBER', ['mash-triage'], { previous: { rag: Rag.GREEN, state: State.NOT_NEEDED } }), State.AWAITING_CONFIRMATION, Review.SECOND_PERSON],
    ['RED under review -> AMBER', rating('AMBER', ['mash-triage'], { previous: { rag: Rag.RED, state: State.URGENT_AWAITING_REVIEW } }), State.AWAITING_CONFIRMATION, Review.SECOND_PERSON],
    ['overturned RED -> AMBER', rating('AMBER', ['mash-triage'], { previous: { rag: Rag.RED, state: State.OVERTURNED }, overturnedBefore: true }), State.AWAITING_CONFIRMATION, Review.SECOND_PERSON],
  ])('%s', (_label, circumstances, state, review) => {
    expect(assessRating(control, circumstances)).toEqual({ state, review });
  });

  it('follows the policy: the recorder never opening alone, no urgent path, triage self-confirming', () => {
    const strict = { ...control, selfConfirmOwnReferral: false };
    expect(assessRating(strict, rating('AMBER', ['mash-manager'], { recorderId: 'rater' }))).toEqual({ state: State.AWAITING_CONFIRMATION, review: Review.SECOND_PERSON });
    expect(assessRating(strict, rating('RED', ['mash-manager'], { recorderId: 'rater' }))).toEqual({ state: State.URGENT_AWAITING_REVIEW, review: Review.URGENT });
    expect(assessRating(strict, rating('AMBER', ['mash-manager']))).toEqual({ state: State.CONFIRMED, review: null });
    expect(assessRating({ ...control, urgent: [] }, rating('RED'))).toEqual({ state: State.AWAITING_CONFIRMATION, review: Review.SECOND_PERSON });
    expect(assessRating({ ...control, confirmedWhenRatedBy: ['mash-triage'] }, rating('AMBER'))).toEqual({ state: State.CONFIRMED, review: null });
    expect(assessRating({ ...control, opensSharing: ['RED'] }, rating('AMBER'))).toEqual({ state: State.NOT_NEEDED, review: null });
  });
});
