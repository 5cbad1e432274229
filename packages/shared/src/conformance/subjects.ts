import { randomUUID } from 'node:crypto';
import { CONFORMANCE_PEOPLE, type ConformancePerson } from '../agency/conformance-fixture';
import { upnCheckLetter, UPN_LETTERS } from '../identifiers/upn';
import type { SubjectRepresentation } from '../subject';

/** A `Subject` representation as the gateway's planner sends it. */
export type Representation = SubjectRepresentation;

export function person(key: string): ConformancePerson {
  const found = CONFORMANCE_PEOPLE.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no conformance person ${key}`);
  return found;
}

/** Each representation gets a fresh id: a subject id belongs to one case, and runs must not share rows. */
const subjectId = () => `conformance-subject-${randomUUID()}`;

/** Everything the hub could know: names, date of birth, gender, postcode and all three identifiers. */
export function withIdentifiers(who: ConformancePerson): Representation {
  const { givenName, familyName, dateOfBirth, gender, postcode, nhsNumber, upn, pncId } = who;
  return { __typename: 'Subject', id: subjectId(), givenName, familyName, dateOfBirth, gender, postcode, nhsNumber, upn, pncId };
}

/** Names, date of birth, gender and postcode; no identifiers. */
export function demographicsOnly(who: ConformancePerson): Representation {
  return { ...withIdentifiers(who), nhsNumber: null, upn: null, pncId: null };
}

/** Given name, family name and date of birth only. */
export function nameAndBirth(who: ConformancePerson): Representation {
  return { ...demographicsOnly(who), gender: null, postcode: null };
}

/** Nobody any agency holds: invented, but at a conformance person's postcode so blocking finds candidates. */
export function inventedPerson(): Representation {
  return {
    __typename: 'Subject', id: subjectId(), givenName: 'Thaddeus', familyName: 'Vromblewick', dateOfBirth: '2014-11-27', gender: 'MALE',
    postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null,
  };
}

/** A subject the agency must refuse as given, and the field the refusal must name. */
export interface BadSubject {
  field: 'nhsNumber' | 'upn' | 'pncId' | 'dateOfBirth' | 'familyName';
  problem: string;
  representation: Representation;
}

/** One bad field each, on an otherwise good subject, so only that field can be the reason. */
export function badSubjects(who: ConformancePerson): BadSubject[] {
  const base = () => withIdentifiers(who);
  const rest = who.upn.slice(1);
  const wrongLetter = [...UPN_LETTERS].find((letter) => letter !== upnCheckLetter(rest))!;
  return [
    { field: 'nhsNumber', problem: 'NHS number 9876544321 fails Modulus 11', representation: { ...base(), nhsNumber: '9876544321' } },
    { field: 'upn', problem: `UPN ${wrongLetter}${rest} has a wrong check letter`, representation: { ...base(), upn: `${wrongLetter}${rest}` } },
    { field: 'pncId', problem: 'PNC ID 20030011985Z has a wrong check character', representation: { ...base(), pncId: '20030011985Z' } },
    { field: 'dateOfBirth', problem: 'date of birth 2015-02-30 does not exist', representation: { ...base(), dateOfBirth: '2015-02-30' } },
    { field: 'familyName', problem: 'family name is empty', representation: { ...base(), familyName: '' } },
  ];
}
