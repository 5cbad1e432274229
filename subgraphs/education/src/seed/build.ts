import { createRng, type Population } from '@mash/shared';
import { yearGroup } from '../records/calendar';
import { addHomeEducation, addMissingEducation } from './off-roll';
import { pupilRow, trueIdentity } from './pupil-row';
import type { SeedRows } from './rows';
import { addSchooling } from './schooling';
import { schoolRows } from './schools';

/** Share of children missing education whom the authority has found and recorded as CME. */
export const CME_KNOWN_SHARE = 0.6;

/**
 * Every record education holds for the population, deterministically. Children the generator
 * marks as not known to education (`knownTo.education` false) because they are off roll are
 * still known to the local authority: all home-educated children (parents notify, or the school
 * does when it removes them) and most children missing education.
 */
export function buildSeedRows(population: Population): SeedRows {
  const rows: SeedRows = {
    schools: schoolRows(), pupils: [], enrolments: [], attendance: [], exclusions: [], sen: [],
    homeEducation: [], missingEducation: [], encompass: [],
  };
  const demoKeys = new Set([population.demo.red.key, population.demo.amber.key, population.demo.green.key]);
  for (const household of population.households) {
    for (const person of household.members) {
      // Education holds pupils only; the generator also marks demo parents as known to it.
      const group = yearGroup(person.dateOfBirth, population.referenceDate);
      if (group < 0 || group > 13) continue;
      const view = population.agencyView(person, 'education');
      const { electiveHomeEducation, notOnSchoolRoll } = person.gaps;
      if (!view && !electiveHomeEducation && !notOnSchoolRoll) continue;
      const rng = createRng(`education:${person.key}`);
      if (!view && !electiveHomeEducation && !rng.chance(CME_KNOWN_SHARE)) continue;
      const pupil = pupilRow(view ?? trueIdentity(person, household), person, household, rng);
      rows.pupils.push(pupil);
      const demo = demoKeys.has(household.key);
      const child = { population, household, person, pupil, rng, today: population.referenceDate, demo };
      if (electiveHomeEducation) addHomeEducation(child, rows);
      else if (notOnSchoolRoll) addMissingEducation(child, rows);
      else addSchooling(child, rows);
    }
  }
  return rows;
}
