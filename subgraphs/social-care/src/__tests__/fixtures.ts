import type { Assessment } from '../entities/assessment.entity';
import type { ChildProtectionPlan } from '../entities/child-protection-plan.entity';
import type { EarlyHelpEpisode } from '../entities/early-help-episode.entity';
import type { LookedAfterEpisode } from '../entities/looked-after-episode.entity';
import type { Person } from '../entities/person.entity';
import type { Referral } from '../entities/referral.entity';
import type { Section42Enquiry } from '../entities/section42-enquiry.entity';

/** Plain objects shaped like loaded entities, for unit tests with no database. */

export const AS_OF = '2026-11-01';

let counter = 0;
const nextId = () => `id-${++counter}`;

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: `WCC-${100000 + ++counter}`, upn: null, nhsNumber: '9990000018', givenName: 'Amara', familyName: 'Okafor',
    dateOfBirth: '2014-03-02', expectedDateOfBirth: null, genderCode: 2, ethnicity: 'BAFR', postcode: 'CV34 4RL',
    uprn: '100070000001', blockingKeys: [], isAdult: false, referrals: [], childProtectionPlans: [],
    lookedAfterEpisodes: [], earlyHelpEpisodes: [], section42Enquiries: [], ...overrides,
  };
}

export function assessment(startDate: string, factors: Assessment['factors'], overrides: Partial<Assessment> = {}): Assessment {
  return { id: nextId(), referralId: 'r', startDate, authorisedDate: null, factors, ...overrides };
}

export function referral(referralDate: string, overrides: Partial<Referral> = {}): Referral {
  return {
    id: nextId(), personId: 'p', referralDate, source: '2A', primaryNeed: 'N1', closureDate: null, reasonForClosure: null,
    nfa: false, dateOfInitialCpc: null, assessments: [], ...overrides,
  };
}

export const closed = (referralDate: string, closureDate: string, overrides: Partial<Referral> = {}): Referral =>
  referral(referralDate, { closureDate, reasonForClosure: 'RC8', ...overrides });

export function cpPlan(startDate: string, endDate: string | null, overrides: Partial<ChildProtectionPlan> = {}): ChildProtectionPlan {
  return {
    id: nextId(), personId: 'p', referralId: null, startDate, endDate, initialCategory: 'NEG', latestCategory: 'NEG',
    numberOfPreviousCpp: 0, ...overrides,
  };
}

export function lookedAfter(startDate: string, endDate: string | null, overrides: Partial<LookedAfterEpisode> = {}): LookedAfterEpisode {
  return {
    id: nextId(), personId: 'p', startDate, reasonNewEpisode: 'S', legalStatus: 'C2', placementType: 'U4', endDate,
    reasonCeased: endDate ? 'E13' : null, ...overrides,
  };
}

export function earlyHelp(startDate: string, endDate: string | null, overrides: Partial<EarlyHelpEpisode> = {}): EarlyHelpEpisode {
  return {
    id: nextId(), personId: 'p', startDate, endDate, leadAgency: 'SCHOOL', leadProfessionalRole: 'DESIGNATED_SAFEGUARDING_LEAD',
    assessmentType: 'PATHWAY_TO_CHANGE', planStatus: endDate ? 'CLOSED' : 'PLAN_IN_PLACE', closureReason: endDate ? 'NEEDS_MET' : null,
    ...overrides,
  };
}

export function section42(concernDate: string, endDate: string | null, overrides: Partial<Section42Enquiry> = {}): Section42Enquiry {
  return {
    id: nextId(), personId: 'p', concernDate, enquiryType: 'S42', riskTypes: ['DOMESTIC_ABUSE', 'PSYCHOLOGICAL'],
    sourceOfRisk: 'OTHER_KNOWN_TO_INDIVIDUAL', locationOfRisk: 'OWN_HOME', endDate, outcome: endDate ? 'RISK_REDUCED' : null,
    mentalCapacityAssessed: true, consent: 'OBTAINED', consentOverrideReason: null, ...overrides,
  };
}
