import { addDays, weighted, type HouseholdTraits } from '@mash/shared';
import type { LegalStatusCode, PlacementTypeCode } from '../entities/code-lists';
import { CATEGORY_FACTOR, categoryFor, householdFactors } from './factors';
import type { EpisodeWriter } from './writer';

/**
 * A child on a plan now: an earlier referral closed after assessment, then the current referral,
 * an assessment naming the household's factors, and an initial conference starting the plan
 * (Working Together 2023: assessment within 45 working days, ICPC within 15 of the strategy discussion).
 */
export function seedChildProtectionPlan(w: EpisodeWriter, traits: HouseholdTraits, age: number): void {
  const { rng } = w;
  const referralDate = w.daysAgo(rng.int(60, 330));
  const assessmentStart = addDays(referralDate, rng.int(1, 5));
  const authorised = addDays(assessmentStart, rng.int(15, 35));
  const planStart = addDays(authorised, rng.int(0, 10));
  const category = categoryFor(traits, rng);
  const factors = householdFactors(traits, rng, age);

  const priorDate = addDays(referralDate, -rng.int(90, 540));
  const priorId = w.referral({
    referralDate: priorDate,
    source: rng.pick(['2A', '3A', '3B', '6', '1A'] as const),
    primaryNeed: rng.pick(['N4', 'N5'] as const),
    closureDate: addDays(priorDate, rng.int(20, 45)),
    reasonForClosure: rng.chance(0.5) ? 'RC8' : 'RC9',
  });
  w.assessment(priorId, addDays(priorDate, 2), addDays(priorDate, rng.int(15, 19)), factors.slice(0, 1));

  const referralId = w.referral({
    referralDate,
    source: traits.domesticAbuse ? '6' : rng.pick(['2A', '3A', '3B', '1A', '5D'] as const),
    primaryNeed: 'N1',
    dateOfInitialCpc: planStart,
  });
  w.assessment(referralId, assessmentStart, authorised, [...factors, ...CATEGORY_FACTOR[category]]);
  w.childProtectionPlan({
    referralId,
    startDate: planStart,
    endDate: null,
    initialCategory: category,
    latestCategory: category,
    numberOfPreviousCpp: rng.chance(0.2) ? 1 : 0,
  });
}

const LEGAL_STATUSES: readonly (readonly [LegalStatusCode, number])[] = [
  ['C2', 35], ['C1', 25], ['V2', 25], ['E1', 5], ['L1', 5], ['L2', 5],
];

function placementFor(legalStatus: LegalStatusCode, age: number, pick: <T>(items: readonly T[]) => T): PlacementTypeCode {
  if (legalStatus === 'L1' || legalStatus === 'L2') return pick(['U6', 'U3', 'K2'] as const);
  if (age >= 16) return pick(['H5', 'K2', 'U4'] as const);
  if (legalStatus === 'C2') return pick(['U4', 'U5', 'U1', 'K2', 'P1'] as const);
  return pick(['U6', 'U3', 'U4', 'U1'] as const);
}

/**
 * A child looked after now, with the CIN episode that led to care. Where the household has child
 * protection concerns the child was on a plan that ended on becoming looked after.
 */
export function seedLookedAfter(w: EpisodeWriter, traits: HouseholdTraits, age: number): void {
  const { rng } = w;
  const legalStatus = weighted(rng, LEGAL_STATUSES);
  const emergency = legalStatus === 'L1' || legalStatus === 'L2';
  // Police protection lasts 72 hours and an EPO 8 days (Children Act 1989 ss44, 46).
  const start = emergency ? w.daysAgo(rng.int(1, 3)) : w.daysAgo(rng.int(30, Math.min(700, 300 + age * 120)));
  const referralDate = addDays(start, emergency ? -rng.int(0, 2) : -rng.int(90, 300));
  const referralId = w.referral({ referralDate, source: emergency ? '6' : rng.pick(['2A', '3A', '6', '5D'] as const), primaryNeed: 'N1' });
  const factors = householdFactors(traits, rng, age);
  w.assessment(referralId, addDays(referralDate, 1), emergency ? null : addDays(referralDate, rng.int(20, 40)), factors);
  if (!emergency && (traits.childProtectionPlan || rng.chance(0.4))) {
    const category = categoryFor(traits, rng);
    w.childProtectionPlan({
      referralId,
      startDate: addDays(referralDate, rng.int(45, 60)),
      endDate: start,
      initialCategory: category,
      latestCategory: category,
      numberOfPreviousCpp: 0,
    });
  }
  w.lookedAfterEpisode({
    startDate: start,
    reasonNewEpisode: 'S',
    legalStatus,
    placementType: placementFor(legalStatus, age, (items) => rng.pick(items)),
    endDate: null,
    reasonCeased: null,
  });
}
