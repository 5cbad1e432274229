import type { HouseholdTraits, Rng } from '@mash/shared';
import type { AssessmentFactorCode, CategoryOfAbuseCode } from '../entities/code-lists';

/**
 * What an assessment of a child in this household would find. The "B" codes put the parent as
 * the subject: 3B domestic violence, 2B/1B drug/alcohol misuse, 4B mental health (DOMAIN.md 2.1).
 */
export function householdFactors(traits: HouseholdTraits, rng: Rng, age: number): AssessmentFactorCode[] {
  const factors: AssessmentFactorCode[] = [];
  if (traits.domesticAbuse) {
    factors.push('3B');
    if (rng.chance(0.3)) factors.push('3A');
  }
  if (traits.parentalSubstanceMisuse) {
    factors.push('2B');
    if (rng.chance(0.5)) factors.push('1B');
  }
  if (traits.parentalMentalHealth) factors.push('4B');
  if (age >= 10 && traits.missingChild) factors.push('10A');
  if (age >= 10 && traits.exploitation === 'CSE') factors.push('11A');
  if (age >= 10 && (traits.exploitation === 'CCE' || traits.exploitation === 'COUNTY_LINES')) factors.push('24A');
  return factors;
}

/** Children in DA households are mostly planned under emotional abuse; substance misuse under neglect. */
export function categoryFor(traits: HouseholdTraits, rng: Rng): CategoryOfAbuseCode {
  if (traits.domesticAbuse && traits.parentalSubstanceMisuse) return rng.chance(0.5) ? 'MUL' : 'NEG';
  if (traits.domesticAbuse) return 'EMO';
  if (traits.parentalSubstanceMisuse || traits.parentalMentalHealth) return 'NEG';
  return rng.pick(['NEG', 'NEG', 'PHY', 'EMO', 'SAB'] as const);
}

export const CATEGORY_FACTOR: Record<CategoryOfAbuseCode, AssessmentFactorCode[]> = {
  NEG: ['16A'], EMO: ['17A'], PHY: ['18C'], SAB: ['19C'], MUL: ['16A', '17A'],
};
