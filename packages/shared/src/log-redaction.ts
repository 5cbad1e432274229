/**
 * What the logger never writes. Callers log ids and hashes only; these rules catch a mistake before
 * it reaches a log file that many more people can read than the records themselves (UK GDPR
 * Art. 5(1)(c), data minimisation; Art. 32, security of processing).
 */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are personal data or credentials, compared without case, `_` or `-`
 * (`dateOfBirth`, `date_of_birth` and `DATE-OF-BIRTH` are one key).
 */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  // people: names, birth, addresses, contact details, identifiers, the referral's words
  'name', 'names', 'givenName', 'givenNames', 'familyName', 'firstName', 'middleName', 'lastName', 'surname', 'fullName', 'preferredName',
  'previousName', 'aliases', 'dateOfBirth', 'dob', 'birthDate', 'address', 'addressLine', 'addressLine1', 'addressLine2', 'street', 'postcode',
  'nhsNumber', 'upn', 'pncId', 'niNumber', 'nationalInsuranceNumber', 'email', 'emailAddress', 'phone', 'phoneNumber', 'telephone', 'mobile',
  'concern', 'concerns', 'narrative', 'notes',
  // credentials
  'token', 'accessToken', 'idToken', 'refreshToken', 'authorization', 'cookie', 'setCookie', 'password', 'secret', 'privateKey', 'apiKey',
];

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const PERSONAL = new Set(PERSONAL_DATA_KEYS.map(normalise));

/** True when a field of this name must not be logged. */
export function isPersonalDataKey(key: string): boolean {
  return PERSONAL.has(normalise(key));
}

/**
 * pino's own redaction paths for the same keys at the top level of a line, as written
 * (`givenName`) and as columns name them (`given_name`); `scrubPersonalData` covers every depth
 * and spelling. No wildcard paths: pino's wildcards cost about 0.2 ms a line, these next to nothing.
 */
export const PERSONAL_DATA_PATHS: string[] = [
  ...new Set(PERSONAL_DATA_KEYS.flatMap((key) => [key, key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)])),
];

// A JWT (grants, users' tokens) wherever it turns up as a value, and the password in a URL.
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@\s]+@/gi;

function scrubString(value: string): string {
  return value.includes('eyJ') || value.includes('@') ? value.replace(JWT, REDACTED).replace(URL_PASSWORD, `$1:${REDACTED}@`) : value;
}

/**
 * A copy of `value` with every personal-data key's value replaced by `[redacted]`, at any depth,
 * and tokens and URL passwords cut out of strings. The caller's object is left as it was.
 */
export function scrubPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  // Deeper than any log line should be: say so rather than walk it.
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => scrubPersonalData(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isPersonalDataKey(key) && item !== undefined && item !== null ? REDACTED : scrubPersonalData(item, depth + 1);
  }
  return out;
}
