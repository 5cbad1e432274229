import type { PersonCandidate } from '../matching/candidates';
import { SocialCareStatus } from '../types/enums';
import type { SocialCareChildProtectionPlan, SocialCareReferral } from '../types/episodes.type';
import type { SocialCareRecord } from '../types/social-care-record.type';
import {
  cpPlansEndedLast12Months, currentCpPlan, currentLookedAfterEpisode, openEarlyHelp, openReferral,
  openSection42Enquiries, previousCpPlanCount, recentFactors, referralsLast12Months,
} from './current';
import type { PersonDetails, PlanDetails, ReferralDetails } from './load';

type Identity = Pick<PersonCandidate, 'id' | 'upn' | 'nhsNumber' | 'isAdult' | 'dateOfBirth' | 'expectedDateOfBirth'>;

/** Identity only, for a possible (AMBIGUOUS) match: every episode field null (withheld, not "none"). */
export function identityRecord(person: Identity): SocialCareRecord {
  return {
    personId: person.id,
    upn: person.upn,
    nhsNumber: person.nhsNumber,
    isAdult: person.isAdult,
    expectedDateOfBirth: person.dateOfBirth === null ? person.expectedDateOfBirth : null,
    currentStatuses: null,
    openReferral: null,
    currentChildProtectionPlan: null,
    childProtectionPlansEndedLast12Months: null,
    previousChildProtectionPlans: null,
    currentLookedAfterEpisode: null,
    referralsLast12Months: null,
    assessmentFactors: null,
    openEarlyHelp: null,
    openSection42Enquiries: null,
  };
}

/**
 * What social care discloses about one matched person on `asOf`: current episodes and the last
 * 12 months, as a MASH summary (seven golden rules: necessary and proportionate), no case notes.
 */
export function socialCareRecord(person: PersonDetails, asOf: string): SocialCareRecord {
  const referral = openReferral(person, asOf);
  const plan = currentCpPlan(person, asOf);
  const lookedAfter = currentLookedAfterEpisode(person, asOf);
  const earlyHelp = openEarlyHelp(person, asOf);
  const enquiries = openSection42Enquiries(person, asOf);
  return {
    ...identityRecord(person),
    currentStatuses: [
      ...(referral ? [SocialCareStatus.CHILD_IN_NEED] : []),
      ...(plan ? [SocialCareStatus.CHILD_PROTECTION_PLAN] : []),
      ...(lookedAfter ? [SocialCareStatus.LOOKED_AFTER] : []),
      ...(earlyHelp ? [SocialCareStatus.EARLY_HELP] : []),
      ...(enquiries.length > 0 ? [SocialCareStatus.ADULT_SAFEGUARDING_ENQUIRY] : []),
    ],
    openReferral: referral && toReferral(referral),
    currentChildProtectionPlan: plan && toPlan(plan),
    childProtectionPlansEndedLast12Months: cpPlansEndedLast12Months(person, asOf).map(toPlan),
    previousChildProtectionPlans: previousCpPlanCount(person, asOf),
    currentLookedAfterEpisode: lookedAfter && {
      startDate: lookedAfter.startDate,
      legalStatus: lookedAfter.legalStatus,
      placementType: lookedAfter.placementType,
    },
    referralsLast12Months: referralsLast12Months(person, asOf).map(toReferral),
    assessmentFactors: recentFactors(person, asOf),
    openEarlyHelp: earlyHelp && {
      startDate: earlyHelp.startDate,
      leadAgency: earlyHelp.leadAgency,
      leadProfessionalRole: earlyHelp.leadProfessionalRole,
      planStatus: earlyHelp.planStatus,
    },
    openSection42Enquiries: enquiries.map((enquiry) => ({
      concernDate: enquiry.concernDate,
      enquiryType: enquiry.enquiryType,
      riskTypes: enquiry.riskTypes,
      sourceOfRisk: enquiry.sourceOfRisk,
      locationOfRisk: enquiry.locationOfRisk,
      mentalCapacityAssessed: enquiry.mentalCapacityAssessed,
      consent: enquiry.consent,
    })),
  };
}

function toReferral(referral: ReferralDetails): SocialCareReferral {
  return {
    referralDate: referral.referralDate,
    source: referral.source,
    primaryNeed: referral.primaryNeed,
    closureDate: referral.closureDate,
    reasonForClosure: referral.reasonForClosure,
    noFurtherAction: referral.nfa,
  };
}

function toPlan(plan: PlanDetails): SocialCareChildProtectionPlan {
  return {
    startDate: plan.startDate,
    endDate: plan.endDate,
    initialCategory: plan.initialCategory,
    latestCategory: plan.latestCategory,
  };
}
