import { temporaryUpnFor } from '../../identifiers/upn';
import { FEMALE_NAMES, MALE_NAMES } from '../../synthetic/given-names';
import { ageOn } from '../../synthetic/dates';
import { createRng } from '../../synthetic/random';
import type { Rng } from '../../synthetic/random';
import { ALL_SURNAMES } from '../../synthetic/surnames';
import type { AgencyName } from '../../synthetic/types';
import { swapDayMonth } from '../dates';
import type { PersonFacts } from '../types';
import { addDays } from './edits';
import { shortFormsOf } from './name-lists';
import type { RecordedField, World, WorldHousehold, WorldPerson } from './world';

/** One agency record as the matcher sees it: the recorded identity first, then any other names held. */
export interface AgencyRecord {
  id: string;
  identities: PersonFacts[];
}

export interface AgencyRecordSet {
  agency: AgencyName;
  records: AgencyRecord[];
  /** Person key -> that person's record id. */
  recordIdOf: Map<string, string>;
  /** Person key -> how the record differs from the person's true facts (recording slips, extra names). */
  differencesOf: Map<string, string[]>;
}

const PREFIX: Record<AgencyName, string> = { police: 'POL', health: 'HLT', education: 'EDU', 'social-care': 'CSC' };

/**
 * How often each agency's records differ from the truth, where the difference can apply. Police
 * record what a person says at the time, so aliases and stale addresses; GP registrations lag a
 * move; schools keep a preferred surname beside the legal one.
 */
const RATES: Record<AgencyName, { nickname: number; middleName: number; staleAddress: number; formerName: number; noGender: number }> = {
  police: { nickname: 0.06, middleName: 0.4, staleAddress: 0.5, formerName: 0.3, noGender: 0.01 },
  health: { nickname: 0.02, middleName: 0.85, staleAddress: 0.35, formerName: 0.6, noGender: 0.005 },
  education: { nickname: 0.04, middleName: 0.7, staleAddress: 0.2, formerName: 0, noGender: 0 },
  'social-care': { nickname: 0.04, middleName: 0.6, staleAddress: 0.2, formerName: 0.5, noGender: 0.01 },
};

/** Each agency's records of the people it holds; slips are drawn per person and agency, so they never shift. */
export function buildAgencyRecords(world: World, agency: AgencyName, seed: number): AgencyRecordSet {
  const household = new Map(world.households.map((h) => [h.key, h]));
  const set: AgencyRecordSet = { agency, records: [], recordIdOf: new Map(), differencesOf: new Map() };
  for (const person of world.people) {
    if (!person.held[agency]) continue;
    const id = `${PREFIX[agency]}${String(set.records.length + 1).padStart(6, '0')}`;
    const differences: string[] = [];
    const rng = createRng(`${seed}:record:${agency}:${person.key}`);
    const recorded = recordedIdentity(person, household.get(person.householdKey)!, agency, rng, differences);
    const adult = ageOn(person.dateOfBirth, world.referenceDate) >= 18;
    set.records.push({ id, identities: [recorded, ...otherNames(person, recorded, agency, adult, rng, differences)] });
    set.recordIdOf.set(person.key, id);
    set.differencesOf.set(person.key, differences);
  }
  return set;
}

function recordedIdentity(person: WorldPerson, household: WorldHousehold, agency: AgencyName, rng: Rng, differences: string[]): PersonFacts {
  const rates = RATES[agency];
  const holding = person.held[agency]!;
  const free = (field: RecordedField) => !person.steady.has(field);

  let given = person.givenName;
  const shortForms = shortFormsOf(given);
  if (free('givenName') && shortForms.length > 0 && rng.chance(rates.nickname)) {
    given = rng.pick(shortForms);
    differences.push('nickname-recorded');
  }
  if (person.middleName && rng.chance(rates.middleName)) given = `${given} ${person.middleName}`;

  let dateOfBirth = person.dateOfBirth;
  const swapped = swapDayMonth(dateOfBirth);
  const dateSlip = rng.next();
  if (free('dateOfBirth') && swapped && dateSlip < 0.01) {
    dateOfBirth = swapped;
    differences.push('dob-swapped-recorded');
  } else if (free('dateOfBirth') && dateSlip > 0.995) {
    dateOfBirth = addDays(dateOfBirth, rng.chance(0.5) ? 1 : -1);
    differences.push('dob-one-day-recorded');
  }

  let postcode: string | null = household.postcode;
  if (free('postcode') && household.previousPostcode && rng.chance(rates.staleAddress)) {
    postcode = household.previousPostcode;
    differences.push('previous-postcode');
  } else if (free('postcode') && agency === 'police' && rng.chance(0.03)) {
    postcode = null;
    differences.push('no-postcode');
  }

  const noGender = free('gender') && rng.chance(rates.noGender);
  if (noGender) differences.push('no-gender');

  let upn = holding.upn ? person.upn : null;
  if (upn && person.recorded.upn) upn = person.recorded.upn;
  else if (upn && agency === 'education' && free('upn') && rng.chance(0.02)) {
    upn = temporaryUpnFor(upn);
    differences.push('temporary-upn-recorded');
  }

  return {
    givenName: person.recorded.givenName ?? given,
    familyName: person.recorded.familyName ?? person.familyName,
    dateOfBirth,
    gender: noGender ? null : person.gender,
    postcode,
    nhsNumber: holding.nhsNumber ? person.nhsNumber : null,
    upn,
    pncId: holding.pncId ? person.pncId : null,
  };
}

/** Former surnames, police aliases and a school's preferred surname, each as a further identity. */
function otherNames(
  person: WorldPerson, recorded: PersonFacts, agency: AgencyName, adult: boolean, rng: Rng, differences: string[],
): PersonFacts[] {
  const others: PersonFacts[] = [];
  if (person.formerFamilyName && rng.chance(RATES[agency].formerName)) {
    others.push({ ...recorded, familyName: person.formerFamilyName });
    differences.push('former-name-held');
  }
  if (agency === 'police' && adult && rng.chance(0.08)) {
    const names = person.gender === 'FEMALE' ? FEMALE_NAMES : MALE_NAMES;
    others.push(rng.chance(0.5) ? { ...recorded, givenName: rng.pick(names) } : { ...recorded, familyName: rng.pick(ALL_SURNAMES) });
    differences.push('alias-held');
  }
  if (agency === 'education' && rng.chance(0.05)) {
    others.push({ ...recorded, familyName: rng.pick(ALL_SURNAMES) });
    differences.push('preferred-surname-held');
  }
  return others;
}
