import { checkDateOfBirth, validateIdentifier } from '@mash/shared';
import type { ReferralInput, SubjectInput } from '../inputs/referral.input';
import { checkConsent } from './consent.validation';
import { Problems } from './problems';

const MAX_SUBJECTS = 30;

/** CIN census ReferralSource codes (DfE CIN census 2024; DOMAIN.md 2.1). */
export const REFERRAL_SOURCES: readonly string[] = [
  '1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10',
];

export interface NormalisedSubject extends SubjectInput {
  postcode: string | null;
  nhsNumber: string | null;
  upn: string | null;
  pncId: string | null;
}

export interface ValidReferral {
  subjects: NormalisedSubject[];
  /** When consent was given or refused; null when it was not sought or was overridden. */
  consentGivenAt: Date | null;
  /** The CIN census code, normalised; null when not given. */
  referralSource: string | null;
}

const CONSENT_FIELDS = {
  status: 'consentStatus', earlyHelpSharing: 'consentEarlyHelpSharing', note: 'consentNote',
  givenBy: 'consentGivenBy', method: 'consentMethod', givenAt: 'consentGivenAt',
};

/** Checks one subject added to an existing case (addSubject); throws BAD_USER_INPUT naming what is wrong. */
export function validateNewSubject(subject: SubjectInput, today = new Date()): NormalisedSubject {
  const problems = new Problems();
  const normalised = validateSubject(subject, 'subject', problems, today);
  problems.throwIfAny('subject');
  return normalised;
}

/** Checks a referral whole and returns subjects with normalised identifiers, or throws BAD_USER_INPUT. */
export function validateReferral(input: ReferralInput, today = new Date()): ValidReferral {
  const problems = new Problems();
  problems.text('referrerName', input.referrerName, { required: true, max: 200, label: 'Referrer name' });
  problems.text('referrerOrganisation', input.referrerOrganisation, { max: 200, label: 'Referrer organisation' });
  const referralSource = normaliseReferralSource(input.referralSource);
  if (referralSource && !REFERRAL_SOURCES.includes(referralSource)) {
    problems.add('referralSource', `"${referralSource.slice(0, 8)}" is not a CIN census referral source code; use one of ${REFERRAL_SOURCES.join(', ')}`);
  }
  const informationRequest = input.kind === 'INFORMATION_REQUEST';
  if (informationRequest && !input.informationRequester) problems.add('informationRequester', 'say who asks for the information (an INFORMATION_REQUEST needs it)');
  if (!informationRequest && input.informationRequester) problems.add('informationRequester', 'only an INFORMATION_REQUEST has a requester; set kind INFORMATION_REQUEST or leave it out');
  problems.text('referrerContact', input.referrerContact, { max: 200, label: 'Referrer contact' });
  problems.text('concern', input.concern, { required: true, max: 4000, label: 'Concern' });
  problems.text('ragRationale', input.ragRationale, { required: Boolean(input.rag), max: 4000, label: 'Rationale for the rating' });
  if (input.subjects.length === 0) problems.add('subjects', 'a referral names at least one person');
  if (input.subjects.length > MAX_SUBJECTS) problems.add('subjects', `at most ${MAX_SUBJECTS} people per referral`);
  const consentGivenAt = checkConsent(
    { status: input.consentStatus, earlyHelpSharing: input.consentEarlyHelpSharing, note: input.consentNote, givenBy: input.consentGivenBy, method: input.consentMethod, givenAt: input.consentGivenAt },
    CONSENT_FIELDS,
    problems,
    today,
  );
  const subjects = input.subjects.map((subject, index) => validateSubject(subject, `subjects[${index}]`, problems, today));
  problems.throwIfAny('referral');
  return { subjects, consentGivenAt, referralSource };
}

/** Upper case without spaces (e.g. " 2a" -> "2A"); null when not given. */
export function normaliseReferralSource(value: string | null | undefined): string | null {
  const code = value?.replace(/\s+/g, '').toUpperCase();
  return code ? code : null;
}

/** An idempotency key as a portal sends it (a UUID, say): 1 to 200 printable characters without spaces. */
export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === undefined || key === null) return null;
  if (!/^[\x21-\x7E]{1,200}$/.test(key)) {
    const problems = new Problems();
    problems.add('idempotencyKey', 'is 1 to 200 printable characters without spaces (e.g. a UUID the portal made for this submission)');
    problems.throwIfAny('referral');
  }
  return key;
}

function validateSubject(subject: SubjectInput, path: string, problems: Problems, today: Date): NormalisedSubject {
  problems.text(`${path}.givenName`, subject.givenName, { max: 100, label: 'Given name' });
  problems.text(`${path}.familyName`, subject.familyName, { required: true, max: 100, label: 'Family name' });
  problems.text(`${path}.addressLine`, subject.addressLine, { max: 300, label: 'Address' });
  if (subject.dateOfBirth) {
    const dateOfBirth = checkDateOfBirth(subject.dateOfBirth, { today, unborn: subject.householdRole === 'UNBORN' });
    if (!dateOfBirth.ok) problems.add(`${path}.dateOfBirth`, dateOfBirth.reason);
  }
  const identifier = (kind: 'NHS_NUMBER' | 'UPN' | 'PNC_ID' | 'POSTCODE', field: string, raw?: string | null) => {
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const result = validateIdentifier(kind, raw);
    if (result.ok) return result.value;
    problems.add(`${path}.${field}`, result.reason);
    return null;
  };
  const normalised = {
    ...subject,
    nhsNumber: identifier('NHS_NUMBER', 'nhsNumber', subject.nhsNumber),
    upn: identifier('UPN', 'upn', subject.upn),
    pncId: identifier('PNC_ID', 'pncId', subject.pncId),
    postcode: identifier('POSTCODE', 'postcode', subject.postcode),
  };
  const hasIdentifier = [subject.nhsNumber, subject.upn, subject.pncId].some((value) => value && value.trim() !== '');
  if (!subject.dateOfBirth && !hasIdentifier) {
    problems.add(`${path}.dateOfBirth`, 'give a date of birth or at least one identifier (NHS number, UPN or PNC ID) so agencies can match the person');
  }
  return normalised;
}
