import { HouseholdDraft } from './household-shape';
import type { Rng } from './random';
import type { Heritage } from './surnames';
import { noTraits } from './traits';
import type { DemoCases, HouseholdTraits } from './types';

/** Distinctive, and absent from `SURNAMES`, so a demo search finds only the demo family. */
export const DEMO_SURNAMES = { red: 'Okafor', amber: 'Whitfield', green: 'Brennan' } as const satisfies Record<keyof DemoCases, string>;

const HERITAGE: Record<keyof DemoCases, Heritage> = { red: 'african', amber: 'british', green: 'irish' };

/** One household per MASH RAG rating (DOMAIN.md 5.2), with the traits that earn it. */
export const DEMO_TRAITS: Record<keyof DemoCases, HouseholdTraits> = {
  red: {
    ...noTraits(), domesticAbuse: 'HIGH', childProtectionPlan: true, parentalSubstanceMisuse: true,
    persistentAbsence: true, missingChild: true,
  },
  amber: { ...noTraits(), domesticAbuse: 'STANDARD', earlyHelp: true, parentalMentalHealth: true, persistentAbsence: true },
  green: noTraits(),
};

/** Two parents and three children, one each in infant/junior, junior and secondary ages. */
export function draftDemoHousehold(rng: Rng, rating: keyof DemoCases): HouseholdDraft {
  const draft = new HouseholdDraft(rng, HERITAGE[rating], DEMO_SURNAMES[rating]);
  const motherAge = rng.int(36, 42);
  draft.add('PARENT', motherAge, true);
  draft.add('PARENT', motherAge + rng.int(0, 4), false);
  for (const [youngest, oldest] of [[13, 15], [9, 12], [6, 8]]) draft.add('CHILD', rng.int(youngest, oldest), rng.chance(0.5));
  return draft;
}
