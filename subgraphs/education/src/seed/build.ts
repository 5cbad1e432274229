import { createRng, type Population } from '@mash/shared';
import { yearGroup } from '../records/calendar';
import { contactRows } from './contacts';
import { addHomeEducation, addMissingEducation } from './off-roll';
import { pupilRow, trueIdentity } from './pupil-row';
import type { SeedRows } from './rows';
import { addScenarioChild } from './scenario';
import { addSchooling } from './schooling';
import { schoolRows } from './schools';

/** Share of children missing education whom the authority has found and recorded as CME. */
export const CME_KNOWN_SHARE = 0.6;

/**
 * Every record education holds for the population, deterministically. Children the generator
 * marks as not known to education (`knownTo.education` false) because they are off roll are
 * still known to the local authority: all home-educated children (parents notify, or the school
 * does when it removes them) and most children missing education. Think-family scenario
 * households are the exception: their `knownTo` and facts say exactly what education holds.
 * Every pupil carries the household's adults as contacts.
 */
export function buildSeedRows(population: Population): SeedRows {
  const rows: SeedRows = {
    schools: schoolRows(), pupils: [], enrolments: [], attendance: [], exclusions: [], sen: [],
    homeEducation: [], missingEducation: [], encompass: [], contacts: [], alternativeProvision: [], freeSchoolMeals: [],
  };
  const demoKeys = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key]);
  for (const household of population.households) {
    for (const person of household.members) {
      // Education holds pupils only; the generator also marks demo parents as known to it.
      const group = yearGroup(person.dateOfBirth, population.referenceDate);
      if (group < 0 || group > 13) continue;
      const view = population.agencyView(person, 'education');
      const scenario = person.scenario !== undefined;
      // A scenario household says exactly who education knows: a child it does not know has no record at all.
      if (scenario && !person.knownTo.education) continue;
      const { electiveHomeEducation, notOnSchoolRoll } = person.gaps;
      if (!view && !electiveHomeEducation && !notOnSchoolRoll) continue;
      const rng = createRng(`education:${person.key}`);
      if (!view && !electiveHomeEducation && !rng.chance(CME_KNOWN_SHARE)) continue;
      const pupil = pupilRow(view ?? trueIdentity(person, household), person, household, rng, !scenario);
      rows.pupils.push(pupil);
      const demo = demoKeys.has(household.key);
      const child = { population, household, person, pupil, rng, today: population.referenceDate, demo };
      rows.contacts.push(...contactRows(pupil, person, household, population.referenceDate, scenario));
      if (scenario) addScenarioChild(child, rows);
      else if (electiveHomeEducation) addHomeEducation(child, rows);
      else if (notOnSchoolRoll) addMissingEducation(child, rows);
      else addSchooling(child, rows);
    }
  }
  return rows;
}
