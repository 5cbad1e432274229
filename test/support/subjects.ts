import type { Household, Population, SyntheticPerson } from '@mash/shared';

/** A `Subject` representation as the gateway's planner sends it to an agency. */
export interface Representation {
  __typename: 'Subject';
  id: string;
  givenName: string | null;
  familyName: string;
  dateOfBirth: string | null;
  gender: string | null;
  postcode: string | null;
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
}

export function householdOf(population: Population, person: SyntheticPerson): Household {
  const household = population.households.find((candidate) => candidate.key === person.householdKey);
  if (!household) throw new Error(`no household ${person.householdKey}`);
  return household;
}

/**
 * A synthetic person as a referral names them: true demographics and the household's postcode,
 * with the identifiers only when asked (referrals often carry none).
 */
export function representation(population: Population, person: SyntheticPerson, withIdentifiers = false): Representation {
  return representationAt(person, householdOf(population, person), withIdentifiers);
}

/** As `representation`, for a person whose household is already at hand. */
export function representationAt(person: SyntheticPerson, household: Household, withIdentifiers = false): Representation {
  return {
    __typename: 'Subject',
    id: `subject-${person.key}-${withIdentifiers ? 'ids' : 'demo'}`,
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    postcode: household.postcode,
    nhsNumber: withIdentifiers ? person.nhsNumber : null,
    upn: withIdentifiers ? person.upn : null,
    pncId: withIdentifiers ? person.pncId : null,
  };
}

/** A made-up subject: only the fields given, the rest null. */
export function subject(fields: Partial<Representation> & { id: string; familyName: string }): Representation {
  return {
    __typename: 'Subject', givenName: null, dateOfBirth: null, gender: null, postcode: null, nhsNumber: null, upn: null, pncId: null,
    ...fields,
  };
}
