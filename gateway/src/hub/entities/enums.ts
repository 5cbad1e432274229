import { registerEnumType } from 'type-graphql';

export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(Rag, {
  name: 'Rag',
  description: 'MASH rating: RED immediate risk, AMBER possible significant harm, GREEN advice and signposting',
  valuesConfig: {
    RED: { description: 'Immediate risk or likely significant harm: may need a strategy discussion or immediate protection. Decision due within 2 hours of the rating, around the clock, by default (ISA policy timescales)' },
    AMBER: { description: 'Possible significant harm or complex needs that need multi-agency checks. Decision due within 24 hours of the rating by default (ISA policy timescales: elapsed or working hours)' },
    GREEN: { description: 'Low risk: early help, advice or signposting. Decision due within three working days (24 working hours) of the rating by default (ISA policy timescales)' },
  },
});

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Whether the MASH is still working a case',
  valuesConfig: {
    OPEN: { description: 'Not closed yet: it can be rated, assigned, decided, consent recorded, subjects added and the referrer given feedback' },
    CLOSED: { description: 'Decided and closed (closeCase, or recordDecision with feedback), with feedback to the referrer or a reason why none; the case can no longer be changed, apart from closing an open rating review' },
  },
});

export enum Pathway {
  CHILDREN = 'CHILDREN',
  ADULTS = 'ADULTS',
}
registerEnumType(Pathway, {
  name: 'Pathway',
  description: 'The hub is all-age: children and adults pathways',
  valuesConfig: {
    CHILDREN: { description: "The children's pathway: concerns about a child or unborn child (Children Act 1989 s17 and s47)" },
    ADULTS: { description: "The adults' pathway: concerns about an adult with care and support needs at risk of abuse or neglect (Care Act 2014 s42)" },
  },
});

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
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Where consent to share information about the case stands',
  valuesConfig: {
    NOT_SOUGHT: { description: 'Consent has not been asked for (yet). Safeguarding sharing does not need it; early-help sharing does' },
    GIVEN: { description: 'Consent was given: who gave it and how are recorded. Only with GIVEN can early-help sharing be recorded' },
    REFUSED: { description: 'Consent was asked for and refused' },
    OVERRIDDEN: { description: 'Shared without consent because seeking it would place a child or adult at risk or prejudice a crime investigation (DPA 2018 Sch 1 para 18); the reason must be recorded' },
  },
});

export enum DecisionOutcome {
  STRATEGY_DISCUSSION = 'STRATEGY_DISCUSSION',
  ASSESSMENT = 'ASSESSMENT',
  EARLY_HELP = 'EARLY_HELP',
  SIGNPOST = 'SIGNPOST',
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: "The MASH decision on a referral, recorded when the case is closed",
  valuesConfig: {
    STRATEGY_DISCUSSION: { description: 'Reasonable cause to suspect significant harm: a multi-agency strategy discussion is held (may lead to a s47 or s42 enquiry, or immediate protection)' },
    ASSESSMENT: { description: 'Passed on for a statutory assessment: for a child, a child and family assessment (Children Act 1989 s17); for an adult, a Care Act 2014 assessment' },
    EARLY_HELP: { description: 'Referred to early help: a multi-agency early help assessment or Team Around the Family' },
    SIGNPOST: { description: 'Information, advice or signposting to another service (e.g. housing, parenting, debt advice); no further MASH involvement' },
    NO_FURTHER_ACTION: { description: 'No further action (NFA): the concern needs no service from the MASH or its partner agencies' },
  },
});

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

export enum CaseKind {
  REFERRAL = 'REFERRAL',
  INFORMATION_REQUEST = 'INFORMATION_REQUEST',
}
registerEnumType(CaseKind, {
  name: 'CaseKind',
  description: 'What came in: a referral about a concern, or a request for information the hub answers from its own record',
  valuesConfig: {
    REFERRAL: { description: 'A referral: a concern about a child or an adult, triaged and rated, and (RED or AMBER) researched with the agencies' },
    INFORMATION_REQUEST: {
      description:
        'A request for information (Family Court, CAFCASS, probation, another local authority): answered within its own timescale from the hub\'s own record; agency data is never opened for it, whatever its rating',
    },
  },
});

export enum InformationRequester {
  FAMILY_COURT = 'FAMILY_COURT',
  CAFCASS = 'CAFCASS',
  PROBATION = 'PROBATION',
  OTHER_LOCAL_AUTHORITY = 'OTHER_LOCAL_AUTHORITY',
  OTHER = 'OTHER',
}
registerEnumType(InformationRequester, {
  name: 'InformationRequester',
  description: 'Who asked for information (an INFORMATION_REQUEST)',
  valuesConfig: {
    FAMILY_COURT: { description: 'The Family Court' },
    CAFCASS: { description: 'CAFCASS (Children and Family Court Advisory and Support Service), e.g. safeguarding checks before a first hearing' },
    PROBATION: { description: 'The Probation Service' },
    OTHER_LOCAL_AUTHORITY: { description: 'Another local authority' },
    OTHER: { description: 'Another organisation with a lawful reason to ask' },
  },
});

export enum CaseStage {
  RECEIVED = 'RECEIVED',
  RATED = 'RATED',
  IN_RESEARCH = 'IN_RESEARCH',
  DECIDED = 'DECIDED',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStage, {
  name: 'CaseStage',
  description: 'Where a case is in the hub\'s lifecycle: received, rated, in research, decided, feedback given, closed',
  valuesConfig: {
    RECEIVED: { description: 'Received and not yet rated' },
    RATED: { description: 'Rated; no agency has been asked about it yet' },
    IN_RESEARCH: { description: 'Agencies have been asked about its people under the sharing agreement (researchStartedAt)' },
    DECIDED: { description: 'The MASH decision is recorded; the referrer has not been told yet' },
    FEEDBACK_GIVEN: { description: 'The referrer has been told the outcome; the case can be closed' },
    CLOSED: { description: 'Closed, with feedback to the referrer recorded or a reason why none was given' },
  },
});

export enum FeedbackMethod {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  LETTER = 'LETTER',
  SECURE_MESSAGE = 'SECURE_MESSAGE',
  IN_PERSON = 'IN_PERSON',
  PORTAL = 'PORTAL',
}
registerEnumType(FeedbackMethod, {
  name: 'FeedbackMethod',
  description: 'How the referrer was told the outcome',
  valuesConfig: {
    EMAIL: { description: 'By (secure) email' },
    PHONE: { description: 'By telephone' },
    LETTER: { description: 'By letter' },
    SECURE_MESSAGE: { description: 'By a secure messaging system (e.g. between professionals)' },
    IN_PERSON: { description: 'Face to face' },
    PORTAL: { description: 'Through the online referral portal' },
  },
});

export enum FeedbackWithheldReason {
  ANONYMOUS_REFERRER = 'ANONYMOUS_REFERRER',
  RISK_TO_CHILD = 'RISK_TO_CHILD',
  RISK_TO_ADULT = 'RISK_TO_ADULT',
  REFERRER_UNREACHABLE = 'REFERRER_UNREACHABLE',
}
registerEnumType(FeedbackWithheldReason, {
  name: 'FeedbackWithheldReason',
  description: 'Why a case was closed without feedback to the referrer (the hub gives feedback on every referral otherwise)',
  valuesConfig: {
    ANONYMOUS_REFERRER: { description: 'The referrer did not give who they are or how to reach them' },
    RISK_TO_CHILD: { description: 'Telling the referrer would place a child at risk (say why in the note)' },
    RISK_TO_ADULT: { description: 'Telling the referrer would place an adult at risk (say why in the note)' },
    REFERRER_UNREACHABLE: { description: 'The referrer could not be reached by any means they gave' },
  },
});
