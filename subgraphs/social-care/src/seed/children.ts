import { addDays, weighted, type HouseholdTraits } from '@mash/shared';
import type { LeadAgencyCode, LeadProfessionalRoleCode, PrimaryNeedCode } from '../entities/code-lists';
import { householdFactors } from './factors';
import type { EpisodeWriter } from './writer';

/**
 * An open child-in-need episode. Some children stepped down from a plan that ended within it;
 * some were referred before within 12 months (re-referral), a few three times (revolving door).
 */
export function seedChildInNeed(w: EpisodeWriter, traits: HouseholdTraits, age: number): void {
  const { rng } = w;
  const referralDate = w.daysAgo(rng.int(20, 300));
  const risk = traits.domesticAbuse || traits.parentalSubstanceMisuse;
  const primaryNeed: PrimaryNeedCode = risk ? rng.pick(['N1', 'N4', 'N5'] as const) : rng.pick(['N2', 'N3', 'N4', 'N5', 'N7'] as const);
  const referralId = w.referral({ referralDate, source: rng.pick(['2A', '3A', '3B', '6', '1A', '5D', '4'] as const), primaryNeed });
  const start = addDays(referralDate, rng.int(1, 5));
  const factors = householdFactors(traits, rng, age);
  w.assessment(referralId, start, addDays(start, rng.int(20, 45)), factors.length > 0 ? factors : [rng.pick(['5B', '6B', '4A', '14A'] as const)]);

  const planStart = addDays(start, rng.int(40, 60));
  const planEnd = addDays(planStart, rng.int(90, 200));
  if (rng.chance(0.25) && planEnd < w.referenceDate) {
    w.childProtectionPlan({ referralId, startDate: planStart, endDate: planEnd, initialCategory: 'NEG', latestCategory: 'NEG', numberOfPreviousCpp: 0 });
  }
  if (rng.chance(0.35)) priorReferrals(w, referralDate, rng.chance(0.3) ? 2 : 1);
}

/** Closed referrals shortly before `before`: each within 12 months of the next. */
function priorReferrals(w: EpisodeWriter, before: string, count: number): void {
  let next = before;
  for (let i = 0; i < count; i++) {
    const date = addDays(next, -w.rng.int(30, 120));
    w.referral({
      referralDate: date,
      source: w.rng.pick(['6', '2A', '3E', '1A'] as const),
      primaryNeed: 'N4',
      closureDate: addDays(date, w.rng.int(1, 20)),
      reasonForClosure: w.rng.pick(['RC8', 'RC9'] as const),
      nfa: w.rng.chance(0.5),
    });
    next = date;
  }
}

const LEADS: readonly (readonly [LeadAgencyCode, LeadProfessionalRoleCode, number])[] = [
  ['SCHOOL', 'DESIGNATED_SAFEGUARDING_LEAD', 40], ['LA_EARLY_HELP', 'FAMILY_SUPPORT_WORKER', 30],
  ['SCHOOL_NURSING', 'SCHOOL_NURSE', 8], ['YOUTH_SERVICE', 'YOUTH_WORKER', 8], ['HOUSING', 'HOUSING_OFFICER', 4],
  ['VOLUNTARY_SECTOR', 'FAMILY_SUPPORT_WORKER', 10],
];
const EARLY_YEARS_LEADS: readonly (readonly [LeadAgencyCode, LeadProfessionalRoleCode, number])[] = [
  ['HEALTH_VISITING', 'HEALTH_VISITOR', 50], ['CHILDRENS_CENTRE', 'FAMILY_SUPPORT_WORKER', 30], ['EARLY_YEARS', 'EARLY_HELP_COORDINATOR', 20],
];

/** An open early-help episode (Warwickshire's Pathway to Change), sometimes a step-down from CSC. */
export function seedEarlyHelp(w: EpisodeWriter, age: number): void {
  const { rng } = w;
  const start = w.daysAgo(rng.int(14, 240));
  const leads = age < 5 ? EARLY_YEARS_LEADS : LEADS;
  const [leadAgency, leadProfessionalRole] = weighted(rng, leads.map(([agency, role, weight]) => [[agency, role] as const, weight] as const));
  const planStatus = w.daysAgo(60) < start ? 'ASSESSMENT' : rng.pick(['PLAN_IN_PLACE', 'PLAN_IN_PLACE', 'REVIEW'] as const);
  w.earlyHelpEpisode({
    startDate: start, endDate: null, leadAgency, leadProfessionalRole, assessmentType: 'PATHWAY_TO_CHANGE', planStatus, closureReason: null,
  });
  if (rng.chance(0.3)) {
    const referralDate = addDays(start, -rng.int(10, 40));
    w.referral({ referralDate, source: rng.pick(['2A', '3B', '6'] as const), primaryNeed: 'N4', closureDate: start, reasonForClosure: 'RC9' });
    if (rng.chance(0.4)) priorReferrals(w, referralDate, 1);
  }
}

/** Police notifications of domestic abuse with children in the household: referral, no further action. */
export function seedDomesticAbuseNotifications(w: EpisodeWriter): void {
  const { rng } = w;
  const count = rng.chance(0.15) ? 2 : 1;
  for (let i = 0; i < count; i++) {
    const date = w.daysAgo(rng.int(10, 330));
    w.referral({ referralDate: date, source: '6', primaryNeed: 'N4', closureDate: addDays(date, rng.int(0, 2)), reasonForClosure: 'RC8', nfa: true });
  }
}

/** Old history: a referral more than a year ago, closed. Not a finding today. */
export function seedClosedHistory(w: EpisodeWriter): void {
  const { rng } = w;
  const date = w.daysAgo(rng.int(400, 1800));
  const referralId = w.referral({
    referralDate: date, source: rng.pick(['2A', '3A', '1A', '8'] as const), primaryNeed: rng.pick(['N4', 'N5', 'N9'] as const),
    closureDate: addDays(date, rng.int(20, 60)), reasonForClosure: rng.pick(['RC7', 'RC8', 'RC9'] as const),
  });
  w.assessment(referralId, addDays(date, 2), addDays(date, rng.int(15, 40)), ['21']);
}
