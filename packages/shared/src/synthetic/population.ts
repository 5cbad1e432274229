import { createAddressAllocator } from './addresses';
import { DEMO_TRAITS, draftDemoHousehold } from './demo';
import { draftHousehold } from './household-shape';
import type { HouseholdDraft } from './household-shape';
import { createIdentifierAllocator } from './identifiers';
import { buildMembers } from './people';
import { createRng } from './random';
import { drawTraits } from './traits';
import type { DemoCases, Household, HouseholdTraits, Population, PopulationOptions } from './types';
import { buildScenarios } from './scenarios';
import { noTraits } from './traits';
import { createAgencyView } from './view';

export const DEFAULT_POPULATION_OPTIONS: Required<PopulationOptions> = { people: 2000, seed: 20160501, referenceDate: '2026-11-01' };

/** The 999 NHS test range holds about 909,000 valid numbers; stay well inside it. */
const MAX_PEOPLE = 500_000;

/**
 * A synthetic Warwickshire population, identical for identical options. The first three
 * households are the demo cases (red, amber, green); the rest stop once `people` is reached, so
 * the total overshoots by at most one household.
 */
export function generatePopulation(options: PopulationOptions = {}): Population {
  const { people: target, seed, referenceDate } = { ...DEFAULT_POPULATION_OPTIONS, ...options };
  if (!Number.isInteger(target) || target < 0 || target > MAX_PEOPLE) {
    throw new RangeError(`people must be a whole number from 0 to ${MAX_PEOPLE}; got ${target}.`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD; got ${referenceDate}.`);

  const rng = createRng(seed);
  const addresses = createAddressAllocator(rng);
  let personCount = 0;
  const people = {
    rng,
    ids: createIdentifierAllocator(rng),
    referenceDate,
    nextPersonKey: () => `P${String(++personCount).padStart(6, '0')}`,
  };
  const households: Household[] = [];

  const addHousehold = (draft: HouseholdDraft, traits: HouseholdTraits, demo: boolean): Household => {
    const key = `H${String(households.length + 1).padStart(5, '0')}`;
    const address = addresses.next();
    const previous = !demo && rng.chance(0.1) ? addresses.previous(address) : null;
    const household: Household = {
      key,
      ...address,
      previousPostcode: previous?.postcode ?? null,
      previousAddressLine: previous?.addressLine ?? null,
      previousUprn: previous?.uprn ?? null,
      members: buildMembers(people, draft, key, traits, demo),
      traits,
    };
    households.push(household);
    return household;
  };

  const demo: DemoCases = {
    red: addHousehold(draftDemoHousehold(rng, 'red'), DEMO_TRAITS.red, true),
    amber: addHousehold(draftDemoHousehold(rng, 'amber'), DEMO_TRAITS.amber, true),
    green: addHousehold(draftDemoHousehold(rng, 'green'), DEMO_TRAITS.green, true),
  };
  while (personCount < target) {
    const draft = draftHousehold(rng);
    const ages = draft.members.map((m) => m.age);
    addHousehold(draft, drawTraits(rng, ages.filter((a) => a >= 18), ages.filter((a) => a < 18)), false);
  }

  // After everyone else, so the random population is the same with or without them.
  const scenarios = buildScenarios({
    ids: people.ids,
    referenceDate,
    nextPersonKey: people.nextPersonKey,
    nextHousehold: (moved) => {
      const key = `H${String(households.length + 1).padStart(5, '0')}`;
      const address = addresses.next();
      const previous = moved ? addresses.previous(address) : null;
      const base = { key, ...address, previousPostcode: previous?.postcode ?? null, previousAddressLine: previous?.addressLine ?? null, previousUprn: previous?.uprn ?? null };
      households.push({ ...base, members: [], traits: noTraits() });
      return base;
    },
  });
  for (const scenario of scenarios) households[households.findIndex((h) => h.key === scenario.household.key)] = scenario.household;

  const demoKeys = new Set([demo.red.key, demo.amber.key, demo.green.key]);
  return {
    seed,
    referenceDate,
    households,
    people: households.flatMap((household) => household.members),
    demo,
    scenarios,
    agencyView: createAgencyView(seed, referenceDate, households, new Set([...demoKeys, ...scenarios.map((s) => s.household.key)])),
  };
}
