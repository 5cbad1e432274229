import { isSchoolAge } from './dates';
import type { Rng } from './random';
import { weighted } from './random';
import type { HouseholdTraits } from './types';

export function noTraits(): HouseholdTraits {
  return {
    domesticAbuse: null, parentalMentalHealth: false, parentalSubstanceMisuse: false, childProtectionPlan: false,
    childInNeed: false, earlyHelp: false, lookedAfterChild: false, missingChild: false, exploitation: null,
    persistentAbsence: false, exclusion: false, adultSafeguarding: false,
  };
}

/**
 * Most households have no traits. Rates are rough national orders of magnitude (DOMAIN.md and
 * DfE/ONS statistics) rather than Warwickshire figures: about 8% of households with a
 * police-attended DA incident, most STANDARD; child protection, care and exploitation rare, and
 * concentrated where DA, parental substance misuse and mental ill-health meet ("toxic trio").
 */
export function drawTraits(rng: Rng, adultAges: number[], childAges: number[]): HouseholdTraits {
  const traits = noTraits();
  if (rng.chance(0.08)) traits.domesticAbuse = weighted(rng, [['STANDARD', 70], ['MEDIUM', 20], ['HIGH', 10]] as const);
  const da = traits.domesticAbuse !== null;
  traits.adultSafeguarding = rng.chance(adultAges.some((age) => age >= 60) ? 0.05 : da ? 0.02 : 0.004);
  if (childAges.length === 0) return traits;

  traits.parentalMentalHealth = rng.chance(da ? 0.3 : 0.06);
  traits.parentalSubstanceMisuse = rng.chance(da ? 0.2 : 0.025);
  const risk = (traits.domesticAbuse === 'HIGH' ? 1 : traits.domesticAbuse === 'MEDIUM' ? 0.5 : 0) +
    (traits.parentalSubstanceMisuse ? 1 : 0) + (traits.parentalMentalHealth ? 0.5 : 0);
  traits.childProtectionPlan = rng.chance(0.004 + 0.12 * risk);
  traits.childInNeed = !traits.childProtectionPlan && rng.chance(0.02 + 0.12 * risk);
  traits.earlyHelp = !traits.childProtectionPlan && !traits.childInNeed && rng.chance(0.04 + 0.15 * risk);
  traits.lookedAfterChild = rng.chance(0.004 + 0.04 * risk);

  if (childAges.some((age) => age >= 10)) {
    traits.missingChild = rng.chance(0.012 + 0.06 * risk);
    if (rng.chance(traits.missingChild ? 0.25 : 0.003)) {
      traits.exploitation = weighted(rng, [['CSE', 35], ['CCE', 40], ['COUNTY_LINES', 25]] as const);
    }
  }
  if (childAges.some(isSchoolAge)) {
    // Persistent absence (missing 10% of sessions) is common: about one pupil in five nationally.
    traits.persistentAbsence = rng.chance(0.1 + 0.15 * risk + (traits.missingChild ? 0.3 : 0));
    traits.exclusion = rng.chance(0.015 + 0.03 * risk + (traits.exploitation ? 0.2 : 0));
  }
  return traits;
}
