import { isValidNhsNumber, normaliseNhsNumber } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { isUuid } from './case-references';
import { badArgument } from './errors';

/** How a hub subject was found to be the person a subject access request is about. */
export enum PersonMatch {
  SUBJECT_ID = 'SUBJECT_ID',
  NHS_NUMBER = 'NHS_NUMBER',
  NAME_AND_DATE_OF_BIRTH = 'NAME_AND_DATE_OF_BIRTH',
}

/** Who a subject access request is about: one hub subject, or the person's identifiers. */
export interface PersonQuery {
  subjectId?: string | null;
  nhsNumber?: string | null;
  familyName?: string | null;
  dateOfBirth?: string | null;
  givenName?: string | null;
}

/** One hub subject that is the person: ids only. */
export interface PersonSubject {
  subjectId: string;
  caseId: string;
  caseReference: string;
  matchedOn: PersonMatch[];
}

interface Candidate {
  id: string;
  caseId: string;
  reference: string;
  nhs: string | null;
  family: string;
  dob: string | null;
  given: string | null;
}

interface NameKey {
  family: string;
  dob: string;
  given: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rounds of "the subjects found bring their own identifiers"; a person is rarely in more than a few cases. */
const MAX_ROUNDS = 5;

/** The input checked (BAD_USER_INPUT naming `person.<field>`), without echoing any of it. */
export function checkPerson(person: PersonQuery): { subjectId: string | null; nhs: string | null; name: NameKey | null; basis: string } {
  const given = person.givenName?.trim() || null;
  const family = person.familyName?.trim() || null;
  const dob = person.dateOfBirth?.trim() || null;
  const nhsRaw = person.nhsNumber?.trim() || null;
  if (person.subjectId) {
    if (nhsRaw || family || dob || given) throw badArgument('person', 'give either subjectId or the person\'s identifiers, not both');
    if (!isUuid(person.subjectId)) throw badArgument('person.subjectId', "is not a subject id (the hub's subject ids are UUIDs)");
    return { subjectId: person.subjectId.toLowerCase(), nhs: null, name: null, basis: 'subjectId' };
  }
  if (nhsRaw && !isValidNhsNumber(nhsRaw)) throw badArgument('person.nhsNumber', 'is not a valid NHS number (10 digits whose last is the check digit)');
  if (family && !dob) throw badArgument('person.dateOfBirth', 'is needed with familyName');
  if (dob && !family) throw badArgument('person.familyName', 'is needed with dateOfBirth');
  if (given && !family) throw badArgument('person.givenName', 'narrows familyName and dateOfBirth; give those too');
  if (dob && (!ISO_DATE.test(dob) || new Date(`${dob}T00:00:00Z`).toISOString().slice(0, 10) !== dob)) {
    throw badArgument('person.dateOfBirth', 'must be a real date written YYYY-MM-DD');
  }
  if (!nhsRaw && !family) throw badArgument('person', 'give subjectId, nhsNumber, or familyName with dateOfBirth (and givenName if known)');
  const name = family && dob ? { family: family.toLowerCase(), dob, given: firstWord(given) } : null;
  const basis = [nhsRaw && 'nhsNumber', name && 'familyName+dateOfBirth', given && 'givenName'].filter(Boolean).join(' ');
  return { subjectId: null, nhs: nhsRaw ? normaliseNhsNumber(nhsRaw) : null, name, basis };
}

/**
 * Every hub subject, across cases, that is this person: the same NHS number; or the same family
 * name and date of birth, with the same first given name when both have one, and no NHS number
 * that differs from the person's (twins share a surname and a birthday, not an NHS number). The
 * subjects found bring their own identifiers, so a later referral that gave only a name and date
 * of birth is found from an NHS number, and the reverse.
 */
export async function findPerson(hub: DataSource, query: ReturnType<typeof checkPerson>): Promise<PersonSubject[]> {
  const found = new Map<string, PersonSubject>();
  const nhsNumbers = new Set<string>();
  const names: NameKey[] = [];
  const learn = (candidate: Candidate, match: PersonMatch): void => {
    const known = found.get(candidate.id);
    if (known) {
      if (!known.matchedOn.includes(match)) known.matchedOn.push(match);
      return;
    }
    found.set(candidate.id, { subjectId: candidate.id, caseId: candidate.caseId, caseReference: candidate.reference, matchedOn: [match] });
    if (candidate.nhs) nhsNumbers.add(candidate.nhs);
    if (candidate.dob) addName(names, { family: candidate.family, dob: candidate.dob, given: candidate.given ?? query.name?.given ?? null });
  };
  if (query.subjectId) {
    const [self] = await candidates(hub, { ids: [query.subjectId], nhs: [], names: [] });
    if (!self) throw badArgument('person.subjectId', 'no subject of the hub has this id');
    learn(self, PersonMatch.SUBJECT_ID);
  }
  if (query.nhs) nhsNumbers.add(query.nhs);
  if (query.name) addName(names, query.name);
  for (let round = 0, size = -1; round < MAX_ROUNDS && size !== found.size; round += 1) {
    size = found.size;
    const nhsNow = new Set(nhsNumbers);
    for (const candidate of await candidates(hub, { ids: [], nhs: [...nhsNow], names })) {
      if (candidate.nhs && nhsNow.has(candidate.nhs)) learn(candidate, PersonMatch.NHS_NUMBER);
      else if (sameName(candidate, names) && (!candidate.nhs || nhsNow.size === 0)) learn(candidate, PersonMatch.NAME_AND_DATE_OF_BIRTH);
    }
  }
  return [...found.values()].sort((a, b) => a.caseReference.localeCompare(b.caseReference) || a.subjectId.localeCompare(b.subjectId));
}

async function candidates(hub: DataSource, by: { ids: string[]; nhs: string[]; names: NameKey[] }): Promise<Candidate[]> {
  // lower(family_name), date_of_birth and nhs_number are indexed (migration HubClockIntake).
  return (await hub.query(
    `SELECT s.id::text AS id, s.case_id::text AS "caseId", c.reference, s.nhs_number AS nhs, lower(s.family_name) AS family,
            to_char(s.date_of_birth, 'YYYY-MM-DD') AS dob, NULLIF(split_part(lower(btrim(s.given_name)), ' ', 1), '') AS given
       FROM mash_subject s JOIN mash_case c ON c.id = s.case_id
      WHERE s.id = ANY($1::uuid[]) OR s.nhs_number = ANY($2::varchar[])
         OR (lower(s.family_name), s.date_of_birth) IN (SELECT * FROM unnest($3::text[], $4::date[]))`,
    [by.ids, by.nhs, by.names.map((name) => name.family), by.names.map((name) => name.dob)],
  )) as Candidate[];
}

function sameName(candidate: Candidate, names: NameKey[]): boolean {
  return names.some((name) => name.family === candidate.family && name.dob === candidate.dob && (!name.given || !candidate.given || name.given === candidate.given));
}

function addName(names: NameKey[], name: NameKey): void {
  if (!names.some((known) => known.family === name.family && known.dob === name.dob && known.given === name.given)) names.push(name);
}

function firstWord(given: string | null): string | null {
  return given?.toLowerCase().split(/\s+/)[0] || null;
}
