import { checkDateOfBirth, validateIdentifier, type IdentifierKind } from '@mash/identifiers';
import type { CaseKind, ConsentMethod, ConsentStatus, Gender, HouseholdRole, InformationRequester, Pathway, Rag, ReferralInput } from '../../gql/graphql';

/** One person as typed: every field a string (the date of birth in its three boxes), '' when left empty. */
export interface SubjectDraft {
  /** Stable React key: indexes shift when a person is removed. */
  key: string;
  householdRole: HouseholdRole | '';
  givenName: string;
  familyName: string;
  dobDay: string;
  dobMonth: string;
  dobYear: string;
  gender: Gender | '';
  addressLine: string;
  postcode: string;
  nhsNumber: string;
  upn: string;
  pncId: string;
}

export interface ReferralDraft {
  referrerName: string;
  referrerOrganisation: string;
  referrerContact: string;
  referralSource: string;
  kind: CaseKind;
  informationRequester: InformationRequester | '';
  pathway: Pathway;
  concern: string;
  consentStatus: ConsentStatus;
  consentGivenBy: string;
  consentMethod: ConsentMethod | '';
  consentEarlyHelpSharing: boolean;
  consentNote: string;
  rag: Rag | '';
  ragRationale: string;
  subjects: SubjectDraft[];
}

/** Problems by the input path the API names (`concern`, `subjects[0].nhsNumber`); '' for one naming no field. */
export type FieldErrors = Record<string, string>;

export const MAX_SUBJECTS = 30;

let serial = 0;
export function emptySubject(): SubjectDraft {
  serial += 1;
  return {
    key: `person-${serial}`, householdRole: '', givenName: '', familyName: '', dobDay: '', dobMonth: '', dobYear: '',
    gender: '', addressLine: '', postcode: '', nhsNumber: '', upn: '', pncId: '',
  };
}

export function emptyReferral(): ReferralDraft {
  return {
    referrerName: '', referrerOrganisation: '', referrerContact: '', referralSource: '', kind: 'REFERRAL', informationRequester: '',
    pathway: 'CHILDREN', concern: '', consentStatus: 'NOT_SOUGHT', consentGivenBy: '', consentMethod: '', consentEarlyHelpSharing: false,
    consentNote: '', rag: '', ragRationale: '', subjects: [emptySubject()],
  };
}

/** The subject fields the form checks, as the API names them. */
export const SUBJECT_FIELDS = ['householdRole', 'givenName', 'familyName', 'dateOfBirth', 'gender', 'addressLine', 'postcode', 'nhsNumber', 'upn', 'pncId'] as const;
export type SubjectField = (typeof SUBJECT_FIELDS)[number];

export const subjectPath = (index: number, field: SubjectField) => `subjects[${index}].${field}`;

/** Every field on the form now, in the order they appear (the error summary's order). */
export function fieldOrder(draft: ReferralDraft): string[] {
  return [
    'referrerName', 'referrerOrganisation', 'referrerContact', 'referralSource', 'kind',
    ...(draft.kind === 'INFORMATION_REQUEST' ? ['informationRequester'] : []),
    'pathway', 'concern', 'consentStatus',
    ...(draft.consentStatus === 'GIVEN' ? ['consentGivenBy', 'consentMethod', 'consentEarlyHelpSharing'] : []),
    ...(draft.consentStatus === 'REFUSED' ? ['consentGivenBy'] : []),
    ...(draft.consentStatus === 'OVERRIDDEN' ? ['consentNote'] : []),
    'rag', ...(draft.rag ? ['ragRationale'] : []),
    'subjects', ...draft.subjects.flatMap((_, index) => SUBJECT_FIELDS.map((field) => subjectPath(index, field))),
  ];
}

const TOP_FIELDS = [
  'referrerName', 'referrerOrganisation', 'referrerContact', 'referralSource', 'kind', 'informationRequester', 'pathway', 'concern',
  'consentStatus', 'consentGivenBy', 'consentMethod', 'consentEarlyHelpSharing', 'consentNote', 'rag', 'ragRationale', 'subjects',
];

/** A path the form has a field for, shown or not (a problem at a hidden one is dropped: the field is not sent). */
export function isFormPath(path: string): boolean {
  const subject = /^subjects\[\d+\]\.(\w+)$/.exec(path);
  return subject ? (SUBJECT_FIELDS as readonly string[]).includes(subject[1]) : TOP_FIELDS.includes(path);
}

/** The input id an error summary link moves focus to, for an API path; null when the form has no such field. */
export function inputId(path: string, draft: ReferralDraft): string | null {
  if (path === 'subjects') return 'add-person';
  const subject = /^subjects\[(\d+)\]\.(\w+)$/.exec(path);
  if (subject) {
    const [, index, field] = subject;
    if (Number(index) >= draft.subjects.length || !(SUBJECT_FIELDS as readonly string[]).includes(field)) return null;
    return field === 'dateOfBirth' ? `subjects-${index}-dateOfBirth-day` : `subjects-${index}-${field}`;
  }
  return fieldOrder(draft).includes(path) ? path : null;
}

const text = (value: string, label: string, max: number, required?: string): string | null => {
  if (value.trim() === '') return required ?? null;
  return value.length > max ? `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` : null;
};

/** Capitalised for display: the shared rules write their reasons to follow a field name. */
const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);

const IDENTIFIERS: Partial<Record<SubjectField, IdentifierKind>> = { nhsNumber: 'NHS_NUMBER', upn: 'UPN', pncId: 'PNC_ID', postcode: 'POSTCODE' };

/** The date boxes as YYYY-MM-DD, or what is missing from them in words; null when all three are empty. */
export function composeDate(subject: SubjectDraft, label: string): { iso: string } | { problem: string } | null {
  const parts = { day: subject.dobDay.trim(), month: subject.dobMonth.trim(), year: subject.dobYear.trim() };
  if (!parts.day && !parts.month && !parts.year) return null;
  const missing = (['day', 'month', 'year'] as const).filter((part) => !parts[part]);
  if (missing.length > 0) return { problem: `${label} must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d+$/.test(parts.year)) return { problem: `${label} must be a real date, in numbers` };
  if (parts.year.length !== 4) return { problem: 'Year must include 4 numbers' };
  return { iso: `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}` };
}

export const dateLabel = (subject: SubjectDraft) => (subject.householdRole === 'UNBORN' ? 'Expected date of delivery' : 'Date of birth');

function checkSubjectField(subject: SubjectDraft, field: SubjectField, today: Date): string | null {
  switch (field) {
    case 'householdRole':
      return subject.householdRole ? null : "Select the person's role in the household";
    case 'givenName':
      return text(subject.givenName, 'Given names', 100);
    case 'familyName':
      return text(subject.familyName, 'Family name', 100, 'Enter the family name');
    case 'addressLine':
      return text(subject.addressLine, 'Address', 300);
    case 'gender':
      return null;
    case 'dateOfBirth': {
      const date = composeDate(subject, dateLabel(subject));
      if (date === null) return null;
      if ('problem' in date) return date.problem;
      // The API's own rule (@mash/identifiers): form, not in the future, not before 1900, the UNBORN window.
      const result = checkDateOfBirth(date.iso, { today, unborn: subject.householdRole === 'UNBORN' });
      return result.ok ? null : sentence(result.reason);
    }
    default: {
      const raw = subject[field];
      if (raw.trim() === '') return null;
      const result = validateIdentifier(IDENTIFIERS[field]!, raw);
      return result.ok ? null : sentence(result.reason);
    }
  }
}

/** One field's problem as the API would see it (same shared rules), or null. */
export function checkField(draft: ReferralDraft, path: string, today = new Date()): string | null {
  const subject = /^subjects\[(\d+)\]\.(\w+)$/.exec(path);
  if (subject) {
    const person = draft.subjects[Number(subject[1])];
    return person ? checkSubjectField(person, subject[2] as SubjectField, today) : null;
  }
  switch (path) {
    case 'referrerName':
      return text(draft.referrerName, "The referrer's name", 200, "Enter the referrer's name");
    case 'referrerOrganisation':
      return text(draft.referrerOrganisation, 'Organisation', 200);
    case 'referrerContact':
      return text(draft.referrerContact, 'Contact details', 200);
    case 'informationRequester':
      return draft.kind === 'INFORMATION_REQUEST' && !draft.informationRequester ? 'Select who asks for the information' : null;
    case 'concern':
      return text(draft.concern, 'The concern', 4000, 'Enter the concern');
    case 'consentGivenBy':
      return text(draft.consentGivenBy, 'Who gave consent', 200, draft.consentStatus === 'GIVEN' ? 'Enter who gave consent, for example parent' : undefined);
    case 'consentMethod':
      return draft.consentStatus === 'GIVEN' && !draft.consentMethod ? 'Select how consent was given' : null;
    case 'consentNote':
      return text(draft.consentNote, 'The reason', 1000, draft.consentStatus === 'OVERRIDDEN' ? 'Enter why consent was overridden' : undefined);
    case 'ragRationale':
      return text(draft.ragRationale, 'The reason for the rating', 4000, draft.rag ? 'Enter why you gave this rating' : undefined);
    case 'subjects':
      return draft.subjects.length > MAX_SUBJECTS ? `A referral can name at most ${MAX_SUBJECTS} people` : null;
    default:
      return null;
  }
}

/** Every problem on the form, before sending it. */
export function checkAll(draft: ReferralDraft, today = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of fieldOrder(draft)) {
    const problem = checkField(draft, path, today);
    if (problem) errors[path] = problem;
  }
  return errors;
}

/** After person `removed` is taken off: their problems go, later people's move up one place. */
export function shiftErrors<T>(errors: Record<string, T>, removed: number): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [path, message] of Object.entries(errors)) {
    const subject = /^subjects\[(\d+)\](.*)$/.exec(path);
    const index = subject ? Number(subject[1]) : -1;
    if (index === removed) continue;
    out[index > removed ? `subjects[${index - 1}]${subject![2]}` : path] = message;
  }
  return out;
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The mutation's input: empty fields left out, the date boxes as YYYY-MM-DD, consent parts only with their status. */
export function toInput(draft: ReferralDraft): ReferralInput {
  const consentWho = draft.consentStatus === 'GIVEN' || draft.consentStatus === 'REFUSED';
  return {
    referrerName: draft.referrerName.trim(),
    referrerOrganisation: optional(draft.referrerOrganisation),
    referrerContact: optional(draft.referrerContact),
    referralSource: optional(draft.referralSource),
    kind: draft.kind,
    informationRequester: draft.kind === 'INFORMATION_REQUEST' && draft.informationRequester ? draft.informationRequester : null,
    pathway: draft.pathway,
    concern: draft.concern.trim(),
    consentStatus: draft.consentStatus,
    consentEarlyHelpSharing: draft.consentStatus === 'GIVEN' && draft.consentEarlyHelpSharing,
    consentGivenBy: consentWho ? optional(draft.consentGivenBy) : null,
    consentMethod: draft.consentStatus === 'GIVEN' && draft.consentMethod ? draft.consentMethod : null,
    consentNote: draft.consentStatus === 'OVERRIDDEN' ? optional(draft.consentNote) : null,
    rag: draft.rag || null,
    ragRationale: draft.rag ? optional(draft.ragRationale) : null,
    subjects: draft.subjects.map((subject) => {
      const date = composeDate(subject, dateLabel(subject));
      return {
        householdRole: subject.householdRole as HouseholdRole,
        givenName: optional(subject.givenName),
        familyName: subject.familyName.trim(),
        dateOfBirth: date && 'iso' in date ? date.iso : null,
        gender: subject.gender || null,
        addressLine: optional(subject.addressLine),
        postcode: optional(subject.postcode),
        nhsNumber: optional(subject.nhsNumber),
        upn: optional(subject.upn),
        pncId: optional(subject.pncId),
      };
    }),
  };
}
