import type { Population } from '@mash/shared';
import { ReferenceCounter, SeedClock } from './clock';
import { seedOtherContacts } from './contacts';
import { seedDomesticAbuse } from './domestic-abuse';
import { householdSeed } from './household';
import { seedMarkers } from './markers';
import { seedExploitation, seedMissing } from './missing';
import { seedNominal } from './nominals';
import { seedScenario } from './scenario';
import { emptyRows, type PoliceRows } from './rows';

/** Every police row for the population, derived from household traits and scenario facts; pure and deterministic. */
export function buildPoliceRows(population: Population): PoliceRows {
  const rows = emptyRows();
  const clock = new SeedClock(population.referenceDate);
  const refs = new ReferenceCounter();
  const familyNames = [...new Set(population.people.map((person) => person.familyName))].sort();
  const scenarioHouseholds = new Set(population.scenarios.map((scenario) => scenario.household.key));
  for (const household of population.households) {
    const seed = householdSeed(household, (person) => population.agencyView(person, 'police'), {
      clock,
      refs,
      rows,
      isDemoRed: household.key === population.demo.red.key,
      isScenario: scenarioHouseholds.has(household.key),
    });
    if (seed.members.length === 0) continue;
    // Before the others: its suspects get their PNC record, and nobody gets a second first contact.
    if (seed.isScenario) seedScenario(seed);
    seedDomesticAbuse(seed);
    seedMissing(seed);
    seedExploitation(seed);
    seedOtherContacts(seed);
    seedMarkers(seed);
    for (const member of seed.members) seedNominal(seed, member, familyNames);
  }
  return rows;
}
