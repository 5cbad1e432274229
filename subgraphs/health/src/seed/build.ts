import { ageOn, createRng, type AgencyPersonView, type Household, type Population, type SyntheticPerson } from '@mash/shared';
import { attendanceRows, wasNotBroughtRows } from './events';
import { householdRecords } from './household-records';
import { scenarioRecords } from './scenario-records';
import { stableId } from './ids';
import { gpRegistrationRows, patientRow } from './patients';
import { practicesNear } from './practices';
import { emptyRows, type HealthRows, type SeedHousehold, type SeedMember } from './rows';

/** Every RESTRICTED_EVERY-th household known to health is a PDS sensitive one (a family that fled abuse). */
const RESTRICTED_EVERY = 100;

/** The rows for a population, without touching a database (so tests can inspect them). */
export function buildHealthRows(population: Population): HealthRows {
  const rows = emptyRows();
  const demo = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key]);
  const scenarios = new Set(population.scenarios.map((scenario) => scenario.household.key));
  let known = 0;
  for (const household of population.households) {
    const scenario = scenarios.has(household.key);
    const members = knownMembers(population, household, scenario);
    if (members.length === 0) continue;
    known += 1;
    const context: SeedHousehold = {
      household,
      members,
      referenceDate: population.referenceDate,
      demoRed: household.key === population.demo.red.key,
      restricted: !demo.has(household.key) && !scenario && known % RESTRICTED_EVERY === 10,
    };
    const practice = createRng(`health:${household.key}:practice`).pick(practicesNear(household.postcode));
    for (const member of members) {
      const rng = createRng(`health:${member.person.key}`);
      rows.patients.push(patientRow(member, context, rng));
      rows.gpRegistrations.push(...gpRegistrationRows(member, practice, context, rng));
      if (scenario) continue;
      rows.unscheduledCareAttendances.push(...attendanceRows(member, context, rng));
      rows.wasNotBroughtEvents.push(...wasNotBroughtRows(member, context, rng));
    }
    // A scenario household holds exactly its scenario facts: no chance events that would blur the demo.
    if (scenario) scenarioRecords(context, rows);
    else householdRecords(context, rows);
  }
  return rows;
}

/**
 * The household's members health holds, each with health's own view of them (`agencyView`: the
 * address health has, which may be a previous one). A scenario member unknown to health gets no
 * record at all.
 */
function knownMembers(population: Population, household: Household, scenario: boolean): SeedMember[] {
  return household.members.flatMap((person) => {
    const view = population.agencyView(person, 'health') ?? (scenario ? null : formerPatientView(person, household));
    if (!view) return [];
    const age = ageOn(view.dateOfBirth, population.referenceDate);
    return [{ person, view, patientId: stableId('patient', person.key), age }];
  });
}

/**
 * Most people the population says have no GP are unknown to health; a few once had a GP and PDS
 * still holds them, with a registration since deducted or ended (DOMAIN.md 3.1).
 */
function formerPatientView(person: SyntheticPerson, household: Household): AgencyPersonView | null {
  if (!person.gaps.notRegisteredWithGp || !person.nhsNumber) return null;
  if (!createRng(`health:${person.key}:former`).chance(0.3)) return null;
  const { key: personKey, householdKey, givenName, familyName, dateOfBirth, gender, nhsNumber } = person;
  const { addressLine, postcode, uprn } = household;
  return { personKey, householdKey, givenName, familyName, dateOfBirth, gender, nhsNumber, addressLine, postcode, uprn, variants: [] };
}
