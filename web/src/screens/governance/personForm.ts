import { checkDateOfBirth, validateIdentifier } from '@mash/identifiers';
import type { PersonIdentifiersInput } from '../../gql/graphql';

/** How the person is looked for: their identifiers, or one of the hub's subject ids. */
export type FindBy = 'IDENTIFIERS' | 'SUBJECT';

/** The person as typed; the date of birth in its three boxes. Kept in the page's memory only, never in the address. */
export interface PersonDraft {
  by: FindBy;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  subjectId: string;
}

export const emptyPerson = (): PersonDraft => ({ by: 'IDENTIFIERS', nhsNumber: '', givenName: '', familyName: '', dobDay: '', dobMonth: '', dobYear: '', subjectId: '' });

/** The fields by the name the API gives them in a BAD_USER_INPUT (`person.nhsNumber`), with their input ids and labels. */
export const PERSON_FIELDS = {
  'person.nhsNumber': { id: 'who-nhsNumber', label: 'NHS number' },
  'person.givenName': { id: 'who-givenName', label: 'Given name' },
  'person.familyName': { id: 'who-familyName', label: 'Family name' },
  'person.dateOfBirth': { id: 'who-dateOfBirth-day', label: 'Date of birth' },
  'person.subjectId': { id: 'who-subjectId', label: 'Subject id' },
} as const;

export type PersonField = keyof typeof PERSON_FIELDS;

const FIELDS_BY: Record<FindBy, PersonField[]> = {
  IDENTIFIERS: ['person.nhsNumber', 'person.givenName', 'person.familyName', 'person.dateOfBirth'],
  SUBJECT: ['person.subjectId'],
};

/** The fields on the form for a way of finding, in page order (the error summary's order). */
export const fieldsFor = (by: FindBy): PersonField[] => FIELDS_BY[by];

const trimmed = (value: string) => value.trim();

/** The date boxes as YYYY-MM-DD, or what is wrong with them in words; null when all three are empty. */
function dateOfBirth(draft: PersonDraft): { iso: string } | { problem: string } | null {
  const [day, month, year] = [draft.dobDay, draft.dobMonth, draft.dobYear].map(trimmed);
  if (!day && !month && !year) return null;
  const missing = (['day', 'month', 'year'] as const).filter((_, index) => ![day, month, year][index]);
  if (missing.length > 0) return { problem: `Date of birth must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { problem: 'Date of birth must be a real date, in numbers, with a 4-digit year' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // The API's own rule (@mash/identifiers); its "not a date" reason quotes what was typed, so it is said here without it.
  const result = checkDateOfBirth(iso);
  if (result.ok) return { iso };
  return { problem: result.reason.startsWith('"') ? 'Date of birth must be a real date' : sentence(result.reason) };
}

const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);

/**
 * The shared NHS number check, without the number typed: it is in the field already, and the
 * error summary should not repeat a person's identifier.
 */
function nhsNumber(raw: string): string | null {
  if (raw.trim() === '') return null;
  const result = validateIdentifier('NHS_NUMBER', raw);
  return result.ok ? null : result.reason.replace(/^NHS number ("[^"]*"|\d+) /, 'The NHS number ');
}

/** One field's own problem (its form, as the API checks it), as the user leaves it. */
export function checkField(draft: PersonDraft, field: PersonField): string | null {
  switch (field) {
    case 'person.nhsNumber':
      return nhsNumber(draft.nhsNumber);
    case 'person.dateOfBirth': {
      const date = dateOfBirth(draft);
      return date && 'problem' in date ? date.problem : null;
    }
    case 'person.subjectId':
      return null;
    default:
      return trimmed(draft[field === 'person.givenName' ? 'givenName' : 'familyName']).length > 100 ? `${PERSON_FIELDS[field].label} must be 100 characters or fewer` : null;
  }
}

/** Every problem before asking: each field's own, then what the API needs together (family name with date of birth). */
export function checkPerson(draft: PersonDraft): Partial<Record<PersonField, string>> {
  const problems: Partial<Record<PersonField, string>> = {};
  for (const field of fieldsFor(draft.by)) {
    const problem = checkField(draft, field);
    if (problem) problems[field] = problem;
  }
  if (draft.by === 'SUBJECT') {
    if (trimmed(draft.subjectId) === '') problems['person.subjectId'] = 'Enter the subject id';
    return problems;
  }
  const hasDate = dateOfBirth(draft) !== null;
  const family = trimmed(draft.familyName) !== '';
  if (hasDate && !family) problems['person.familyName'] ??= 'Enter the family name, to go with the date of birth';
  if (family && !hasDate) problems['person.dateOfBirth'] ??= 'Enter the date of birth, to go with the family name';
  if (trimmed(draft.givenName) !== '' && !family && !hasDate) problems['person.familyName'] ??= 'Enter the family name and date of birth: a given name only narrows them';
  if (trimmed(draft.nhsNumber) === '' && !family && !hasDate && trimmed(draft.givenName) === '') {
    problems['person.nhsNumber'] = 'Enter an NHS number, or a family name and date of birth';
  }
  return problems;
}

/** The API's argument: empty fields left out, the date boxes as YYYY-MM-DD. Only called once checkPerson finds nothing. */
export function toPersonInput(draft: PersonDraft): PersonIdentifiersInput {
  if (draft.by === 'SUBJECT') return { subjectId: trimmed(draft.subjectId) };
  const date = dateOfBirth(draft);
  const optional = (value: string) => trimmed(value) || null;
  return {
    nhsNumber: optional(draft.nhsNumber),
    givenName: optional(draft.givenName),
    familyName: optional(draft.familyName),
    dateOfBirth: date && 'iso' in date ? date.iso : null,
  };
}
