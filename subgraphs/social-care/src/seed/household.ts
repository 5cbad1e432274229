import { ageOn, createRng, type Household, type Population, type Rng, type SyntheticPerson } from '@mash/shared';
import { seedSection42 } from './adults';
import { seedChildProtectionPlan, seedLookedAfter } from './child-protection';
import { seedChildInNeed, seedClosedHistory, seedDomesticAbuseNotifications, seedEarlyHelp } from './children';
import { laPersonId } from './ids';
import { pickEthnicity, toPersonRow } from './person-row';
import { householdRelationships } from './relationships';
import { emptyRows, type PersonRow, type SeedRows } from './rows';
import { seedScenarioFacts } from './scenario';
import { EpisodeWriter } from './writer';

interface Member {
  key: string;
  person: SyntheticPerson;
  row: PersonRow;
  age: number;
}

/**
 * Social care's records for the population, derived from each household's traits. Household
 * choices (which child is in care, which adult is under enquiry) draw on the household's stream,
 * a person's details on `social-care:<person key>`, so the same population gives the same rows.
 */
export function buildSeedRows(population: Population): SeedRows {
  const rows = emptyRows();
  const referenceDate = population.referenceDate;
  const scenarioHouseholds = new Set(population.scenarios.map((scenario) => scenario.household.key));
  for (const household of population.households) {
    const known = household.members.flatMap((person) => {
      const view = population.agencyView(person, 'social-care');
      return view ? [{ person, view }] : [];
    });
    if (known.length === 0) continue;
    const householdRng = createRng(`social-care:${household.key}`);
    const ethnicity = pickEthnicity(householdRng);
    const members = known.map(({ person, view }) => {
      const row = toPersonRow(laPersonId(rows.people.length), view, ethnicity, referenceDate);
      rows.people.push(row);
      return { key: person.key, person, row, age: row.dateOfBirth ? ageOn(row.dateOfBirth, referenceDate) : -1 };
    });
    // Uses no random draws, so every other row is what it was before relationships were recorded.
    rows.relationships.push(...householdRelationships(members.map((member) => ({ role: member.person.role, row: member.row }))));
    if (scenarioHouseholds.has(household.key)) seedScenarioHousehold(rows, members, referenceDate);
    else seedHousehold(rows, household, members, householdRng, referenceDate);
  }
  return rows;
}

/** A demo scenario household: only what each member's scenario facts say (their traits are all off). */
function seedScenarioHousehold(rows: SeedRows, members: Member[], referenceDate: string): void {
  for (const member of members) {
    const facts = member.person.scenario?.socialCare;
    if (facts) seedScenarioFacts(new EpisodeWriter(rows, createRng(`social-care:${member.key}`), member.row.id, referenceDate), facts);
  }
}

function seedHousehold(rows: SeedRows, household: Household, members: Member[], householdRng: Rng, referenceDate: string): void {
  const traits = household.traits;
  const writer = (member: Member) => new EpisodeWriter(rows, createRng(`social-care:${member.key}`), member.row.id, referenceDate);
  const children = members.filter((member) => !member.row.isAdult && member.age >= 0);
  const adults = members.filter((member) => member.row.isAdult);
  const inCare = traits.lookedAfterChild && children.length > 0 ? householdRng.pick(children) : null;

  children.forEach((child, index) => {
    const w = writer(child);
    if (child === inCare) seedLookedAfter(w, traits, child.age);
    else if (traits.childProtectionPlan) seedChildProtectionPlan(w, traits, child.age);
    else if (traits.childInNeed && (index === 0 || w.rng.chance(0.7))) seedChildInNeed(w, traits, child.age);
    else if (traits.earlyHelp) seedEarlyHelp(w, child.age);
    else if (traits.domesticAbuse) {
      if (w.rng.chance(0.6)) seedDomesticAbuseNotifications(w);
    } else if (w.rng.chance(0.5)) seedClosedHistory(w);
  });

  const oldest = [...adults].sort((a, b) => b.age - a.age)[0];
  const atRisk = traits.adultSafeguarding && oldest ? (oldest.age >= 60 ? oldest : householdRng.pick(adults)) : null;
  for (const adult of adults) {
    const w = writer(adult);
    if (adult === atRisk) seedSection42(w, traits, adult.age, true);
    else if (adult.age >= 60 && w.rng.chance(0.15)) seedSection42(w, traits, adult.age, false);
  }
}
