import type { PersonCandidate } from '../matching/candidates';
import type {
  EarlyHelpDetails, EnquiryDetails, HouseholdMember, LookedAfterDetails, PersonDetails, PlanDetails, ReferralDetails,
} from '../records/load';

/** Plain objects shaped like the loaded records, for unit tests with no database. */

export const AS_OF = '2026-11-01';

let counter = 0;

export function person(overrides: Partial<PersonDetails> = {}): PersonDetails {
  return {
    id: `WCC-${100000 + ++counter}`, upn: null, nhsNumber: '9990000018', dateOfBirth: '2014-03-02', expectedDateOfBirth: null,
    isAdult: false, referrals: [], childProtectionPlans: [], lookedAfterEpisodes: [], earlyHelpEpisodes: [], section42Enquiries: [],
    household: [], ...overrides,
  };
}

/** Someone else at the person's address, as the household flags see them. */
export function member(overrides: Partial<HouseholdMember> = {}): HouseholdMember {
  return { id: `WCC-${100000 + ++counter}`, isAdult: false, referrals: [], childProtectionPlans: [], lookedAfterEpisodes: [], ...overrides };
}

export function candidate(overrides: Partial<PersonCandidate> = {}): PersonCandidate {
  return {
    id: `WCC-${100000 + ++counter}`, upn: null, nhsNumber: '9990000018', givenName: 'Amara', familyName: 'Okafor',
    dateOfBirth: '2014-03-02', expectedDateOfBirth: null, genderCode: 2, postcode: 'CV34 4RL', isAdult: false, blockingKeys: [],
    ...overrides,
  };
}

type Assessment = ReferralDetails['assessments'][number];

export function assessment(startDate: string, factors: Assessment['factors']): Assessment {
  return { startDate, factors };
}

export function referral(referralDate: string, overrides: Partial<ReferralDetails> = {}): ReferralDetails {
  return {
    referralDate, source: '2A', primaryNeed: 'N1', closureDate: null, reasonForClosure: null, nfa: false, assessments: [], ...overrides,
  };
}

export const closed = (referralDate: string, closureDate: string, overrides: Partial<ReferralDetails> = {}): ReferralDetails =>
  referral(referralDate, { closureDate, reasonForClosure: 'RC8', ...overrides });

export function cpPlan(startDate: string, endDate: string | null, overrides: Partial<PlanDetails> = {}): PlanDetails {
  return { startDate, endDate, initialCategory: 'NEG', latestCategory: 'NEG', numberOfPreviousCpp: 0, ...overrides };
}

export function lookedAfter(startDate: string, endDate: string | null, overrides: Partial<LookedAfterDetails> = {}): LookedAfterDetails {
  return { startDate, legalStatus: 'C2', placementType: 'U4', endDate, ...overrides };
}

export function earlyHelp(startDate: string, endDate: string | null, overrides: Partial<EarlyHelpDetails> = {}): EarlyHelpDetails {
  return {
    startDate, endDate, leadAgency: 'SCHOOL', leadProfessionalRole: 'DESIGNATED_SAFEGUARDING_LEAD',
    planStatus: endDate ? 'CLOSED' : 'PLAN_IN_PLACE', ...overrides,
  };
}

export function section42(concernDate: string, endDate: string | null, overrides: Partial<EnquiryDetails> = {}): EnquiryDetails {
  return {
    concernDate, enquiryType: 'S42', riskTypes: ['DOMESTIC_ABUSE', 'PSYCHOLOGICAL'], sourceOfRisk: 'OTHER_KNOWN_TO_INDIVIDUAL',
    locationOfRisk: 'OWN_HOME', endDate, mentalCapacityAssessed: true, consent: 'OBTAINED', ...overrides,
  };
}
