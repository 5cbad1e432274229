import { MarkerSource, WarningMarkerType } from '../entities/codes';
import { seedId } from './clock';
import type { HouseholdSeed, KnownMember } from './household';

/**
 * Some adults carry warning markers: DA suspects (violent, sometimes weapons), parents with
 * substance misuse or mental-health traits, and now and then an older marker no longer active.
 */
export function seedMarkers(seed: HouseholdSeed): void {
  // A scenario household's markers are its scenario's (scenario.ts), none drawn at random.
  if (seed.isScenario) return;
  const { traits } = seed.household;
  for (const adult of seed.adults) {
    const { rng } = adult;
    const add = (type: WarningMarkerType, source: MarkerSource, active = true) =>
      seed.rows.warningMarkers.push({
        id: seedId(`marker:${adult.person.key}:${type}`),
        nominalId: adult.nominalId,
        type,
        source,
        createdDate: seed.clock.dateDaysAgo(rng.int(30, 3000)),
        active,
      });
    if (seed.suspects.has(adult.person.key)) {
      if (rng.chance(0.6)) add(WarningMarkerType.VIOLENT, MarkerSource.PNC);
      if (traits.domesticAbuse === 'HIGH' ? rng.chance(0.4) : rng.chance(0.05)) add(WarningMarkerType.WEAPONS, MarkerSource.PNC);
      if (rng.chance(0.02)) add(WarningMarkerType.FIREARMS, MarkerSource.PNC);
    }
    if (traits.parentalSubstanceMisuse && isParent(adult) && rng.chance(0.4)) add(WarningMarkerType.DRUGS, MarkerSource.LOCAL);
    if (traits.parentalMentalHealth && isParent(adult) && rng.chance(0.3)) {
      add(rng.pick([WarningMarkerType.MENTAL_HEALTH, WarningMarkerType.SELF_HARM, WarningMarkerType.SUICIDAL]), MarkerSource.LOCAL);
    }
    if (rng.chance(0.03)) add(WarningMarkerType.ALLEGES, MarkerSource.PNC, false);
  }
}

function isParent(member: KnownMember): boolean {
  return member.person.role === 'PARENT' || member.person.role === 'CARER';
}
