import { registerEnumType } from 'type-graphql';

export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(Rag, { name: 'Rag', description: 'MASH rating: RED immediate risk, AMBER possible significant harm, GREEN advice and signposting' });

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatus, { name: 'CaseStatus' });

export enum Pathway {
  CHILDREN = 'CHILDREN',
  ADULTS = 'ADULTS',
}
registerEnumType(Pathway, { name: 'Pathway', description: 'The hub is all-age: children and adults pathways' });

export enum HouseholdRole {
  CHILD = 'CHILD',
  SIBLING = 'SIBLING',
  PARENT = 'PARENT',
  CARER = 'CARER',
  PARTNER = 'PARTNER',
  ADULT_AT_RISK = 'ADULT_AT_RISK',
  ALLEGED_PERPETRATOR = 'ALLEGED_PERPETRATOR',
  OTHER_ADULT = 'OTHER_ADULT',
  UNBORN = 'UNBORN',
}
registerEnumType(HouseholdRole, {
  name: 'HouseholdRole',
  description: "A subject's place in the case: the children the referral is about, and the adults of the household (think family)",
  valuesConfig: {
    CHILD: { description: 'A child the referral is about' },
    SIBLING: { description: 'A brother or sister of a child the referral is about' },
    PARENT: { description: 'A parent of the children' },
    CARER: { description: 'Someone caring for the children or the adult at risk who is not their parent (kinship carer, foster carer, paid carer)' },
    PARTNER: { description: "A parent's or the adult at risk's partner or ex-partner" },
    ADULT_AT_RISK: { description: "An adult the referral is about (the adults' pathway: Care Act s42)" },
    ALLEGED_PERPETRATOR: { description: 'The person said to be causing the harm' },
    OTHER_ADULT: { description: 'Another adult in the household or around the family' },
    UNBORN: { description: 'An unborn child: give the expected date of delivery as the date of birth (up to ten months ahead)' },
  },
});

export enum ConsentStatus {
  NOT_SOUGHT = 'NOT_SOUGHT',
  GIVEN = 'GIVEN',
  REFUSED = 'REFUSED',
  /** DPA 2018 Sch 1 para 18: sharing without consent where seeking it would place someone at risk. */
  OVERRIDDEN = 'OVERRIDDEN',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

export enum DecisionOutcome {
  STRATEGY_DISCUSSION = 'STRATEGY_DISCUSSION',
  ASSESSMENT = 'ASSESSMENT',
  EARLY_HELP = 'EARLY_HELP',
  SIGNPOST = 'SIGNPOST',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export const RAG_VALUES = Object.values(Rag);

/** Where a case's current rating stands (policy `ratingControl`); the enforcement point decides on it. */
export enum RatingConfirmation {
  NOT_NEEDED = 'NOT_NEEDED',
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  URGENT_AWAITING_REVIEW = 'URGENT_AWAITING_REVIEW',
  CONFIRMED = 'CONFIRMED',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(RatingConfirmation, {
  name: 'RatingConfirmation',
  description: 'Whether the rating that opens a case to agency data has been confirmed by a second person',
  valuesConfig: {
    NOT_NEEDED: { description: 'The rating does not open the case to agency data (e.g. GREEN), so nothing needs confirming' },
    AWAITING_CONFIRMATION: { description: 'No agency data is shared until someone other than whoever rated it or recorded the referral confirms the rating' },
    URGENT_AWAITING_REVIEW: { description: 'An urgent rating: agency data is shared now, and a manager must confirm or overturn the rating' },
    CONFIRMED: { description: 'Given by a manager, or confirmed by a second person: agency data is shared as the agreement allows' },
    OVERTURNED: { description: 'A manager overturned the rating: agency data is no longer shared until the case is re-rated' },
  },
});

export enum RatingReviewKind {
  SECOND_PERSON = 'SECOND_PERSON',
  URGENT = 'URGENT',
}
registerEnumType(RatingReviewKind, {
  name: 'RatingReviewKind',
  description: 'Why a rating needs a second person',
  valuesConfig: {
    SECOND_PERSON: { description: 'A rating that opens the case to agency data and waits for a second person to confirm it before anything is shared' },
    URGENT: { description: 'An urgent rating that shared agency data at once and needs a manager to confirm or overturn it' },
  },
});

export enum RatingReviewStatus {
  OPEN = 'OPEN',
  CONFIRMED = 'CONFIRMED',
  OVERTURNED = 'OVERTURNED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(RatingReviewStatus, {
  name: 'RatingReviewStatus',
  description: 'Where a rating review stands',
  valuesConfig: {
    OPEN: { description: 'Waiting for a second person or a manager' },
    CONFIRMED: { description: 'Someone other than the rater and the referral\'s recorder agreed with the rating' },
    OVERTURNED: { description: 'A manager disagreed with the rating; while it is the current rating, agency data is not shared' },
    SUPERSEDED: { description: 'The case was re-rated before anyone confirmed this rating, and nothing was shared under it' },
  },
});

export enum ConsentMethod {
  VERBAL = 'VERBAL',
  WRITTEN = 'WRITTEN',
  ELECTRONIC = 'ELECTRONIC',
}
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'How consent was given or refused',
  valuesConfig: {
    VERBAL: { description: 'Spoken, in person or by telephone' },
    WRITTEN: { description: 'On a signed form or letter' },
    ELECTRONIC: { description: 'By email, text message or an online form' },
  },
});
