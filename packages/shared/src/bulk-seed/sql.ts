import { compareFamilyName } from '../matching/compare';
import { DEFAULT_MATCH_MODEL } from '../matching/model';
import { normaliseName } from '../matching/normalise';
import { primaryPhoneticCode } from '../matching/phonetic';
import { DEMO_SURNAMES } from '../synthetic/demo';
import { FEMALE_NAMES, HERITAGE_NAMES, MALE_NAMES } from '../synthetic/given-names';
import { DEFAULT_POPULATION_OPTIONS } from '../synthetic/population';
import { ALL_SURNAMES } from '../synthetic/surnames';

// Filler people for scale benchmarks: set-based SQL (INSERT ... SELECT over generate_series), so a
// million people per agency go in within about a minute. Every value is a pure function of the
// person's index `i` (through Postgres's stable `hashint8extended`), so reruns are identical and
// police, social care and health agree on who filler person i is (same name, birth date, NHS number).


/** "Today" for ages and event dates: the synthetic population's reference date. */
export const BULK_REFERENCE_DATE = DEFAULT_POPULATION_OPTIONS.referenceDate;

export interface BulkSeedOptions {
  /** Filler people wanted in the agency (on top of the regular demo seed). */
  people: number;
  /** People per transaction; default 100,000. */
  batchSize?: number;
  /**
   * Size of the regular seed's population (default 2000; a smaller population is a prefix of a
   * larger one): filler people never reuse its NHS numbers, so no referral subject from it can
   * meet a stranger's record by identifier in another agency.
   */
  seedPeople?: number;
}

export interface BulkSeedResult {
  /** Filler people inserted by this call (0 when already there). */
  added: number;
  /** Filler people now present. */
  total: number;
  seconds: number;
}

/**
 * Outward codes no regular seed uses (`OUTWARD_CODES` are the population's), so a filler person
 * never shares a full or outward postcode with a demo subject and cannot raise a demo match to
 * AMBIGUOUS. Towns near Warwickshire's edges; 10 x 10 x 400 = 40,000 postcodes, 25 people each at 1M.
 */
export const FILLER_OUTWARD_CODES: readonly (readonly [outward: string, town: string])[] = [
  ['CV47', 'Southam'], ['CV36', 'Shipston-on-Stour'], ['CV8', 'Kenilworth'], ['CV7', 'Meriden'], ['B95', 'Henley-in-Arden'],
  ['B79', 'Tamworth'], ['OX15', 'Banbury'], ['GL56', 'Moreton-in-Marsh'], ['LE10', 'Hinckley'], ['NN11', 'Daventry'],
];

// Plain ASCII letters only, so SQL lower() agrees with normaliseName (blocking keys are built in SQL).
const ascii = (names: readonly string[]): string[] => [...new Set(names.filter((name) => /^[A-Za-z]+$/.test(name)))];
const demoSurnames = Object.values(DEMO_SURNAMES);

/** Surnames that cannot agree with a demo surname at any level (exact, partial or fuzzy). */
export const FILLER_SURNAMES: readonly string[] = ascii(ALL_SURNAMES).filter((name) =>
  demoSurnames.every((demo) => compareFamilyName(name, demo, DEFAULT_MATCH_MODEL.fuzzyThreshold) === 'disagree'));
export const FILLER_MALE_NAMES: readonly string[] = ascii([...MALE_NAMES, ...Object.values(HERITAGE_NAMES).flatMap((h) => h.male)]);
export const FILLER_FEMALE_NAMES: readonly string[] = ascii([...FEMALE_NAMES, ...Object.values(HERITAGE_NAMES).flatMap((h) => h.female)]);

/** A SQL string literal (the values here are our own constants; quoting keeps them safe anyway). */
export const sqlText = (value: string): string => `'${value.replace(/'/g, "''")}'`;
export const sqlArray = (values: readonly string[]): string => `ARRAY[${values.map(sqlText).join(', ')}]::text[]`;
/** `values[draw mod n]` as SQL; `draw` a non-negative integer expression. */
export const sqlPick = (values: readonly string[], draw: string): string => `(${sqlArray(values)})[(1 + (${draw}) % ${values.length})::int]`;

/** A non-negative 31-bit draw for index `i` from stream `stream`: stable across runs and servers. */
export const sqlDraw = (i: string, stream: number): string => `(hashint8extended((${i})::bigint, ${stream}) & 2147483647)`;

/**
 * Deterministic UUID of filler row `i` of one kind (0 = the person, others per agency), so
 * related rows reference their person without a join, and filler rows are found by key range.
 */
export const sqlFillerUuid = (kind: number, i: string): string =>
  `('b${kind.toString(16).padStart(7, '0')}-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
export const fillerUuidBounds = (kind: number): [string, string] => {
  const prefix = `b${kind.toString(16).padStart(7, '0')}-0000-4000-8000-`;
  return [`${prefix}000000000000`, `${prefix}ffffffffffff`];
};

/** `YYYY-MM-DD` of a date expression, as blocking keys write dates. */
const isoDate = (date: string): string => `to_char(${date}, 'YYYY-MM-DD')`;

/** Digit `k` (0 = units) of an integer expression. */
export const digit = (value: string, k: number): string => `((${value}) / ${10 ** k} % 10)`;

/**
 * UPN (DOMAIN.md 0.2) for LA 937: check letter over characters 2-13 with weights 2..13, sum mod 23
 * into `ABCDEFGHJKLMNPQRTUVWXYZ`. `estab` 4 digits, `yy` 2, `serial` 3 (integer expressions).
 */
export function sqlUpn(estab: string, yy: string, serial: string): string {
  const la = 9 * 2 + 3 * 3 + 7 * 4;
  const sum = [
    `${la}`, `${digit(estab, 3)} * 5`, `${digit(estab, 2)} * 6`, `${digit(estab, 1)} * 7`, `${digit(estab, 0)} * 8`,
    `${digit(yy, 1)} * 9`, `${digit(yy, 0)} * 10`, `${digit(serial, 2)} * 11`, `${digit(serial, 1)} * 12`, `${digit(serial, 0)} * 13`,
  ].join(' + ');
  return `(substr('ABCDEFGHJKLMNPQRTUVWXYZ', (1 + (${sum}) % 23)::int, 1) || '937' || lpad((${estab})::text, 4, '0')` +
    ` || lpad((${yy})::text, 2, '0') || lpad((${serial})::text, 3, '0'))`;
}

/** PNC ID `YYYY/NNNNNNNC` (DOMAIN.md 0.3): (YY * 10^7 + serial) mod 23 into `ZABCDEFGHJKLMNPQRTUVWXY`. */
export function sqlPncId(year: string, serial: string): string {
  return `((${year})::text || '/' || lpad((${serial})::text, 7, '0')` +
    ` || substr('ZABCDEFGHJKLMNPQRTUVWXY', (1 + (((${year}) % 100)::bigint * 10000000 + (${serial})) % 23)::int, 1))`;
}

/** Column expressions a filler record's blocking keys come from; omit what the agency does not hold. */
export interface BlockingKeySources {
  nhsNumber?: string;
  upn?: string;
  pncId?: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  postcode?: string;
}

/**
 * The Double Metaphone code of a filler family name, as SQL: Postgres has no Double Metaphone of
 * its own (fuzzystrmatch's differs in detail), so each name the filler can draw is looked up.
 */
function sqlPhoneticFamily(family: string): string {
  const codes = FILLER_SURNAMES.map((name) => `WHEN ${sqlText(normaliseName(name))} THEN ${sqlText(primaryPhoneticCode(normaliseName(name)))}`);
  return `(CASE ${family} ${codes.join(' ')} END)`;
}

/**
 * `recordBlockingKeys` (matching/blocking.ts) written as SQL, for single-part ASCII names drawn from
 * the filler lists: the bulk seeds store it in `blocking_keys`. Change both together; the
 * bulk-seed test compares them.
 */
export function sqlBlockingKeys(c: BlockingKeySources): string {
  const given = `left(lower(${c.givenName}), 1)`;
  const family = `lower(${c.familyName})`;
  const dob = isoDate(c.dateOfBirth);
  const keys = [
    c.nhsNumber && `'nhs:' || ${c.nhsNumber}`,
    c.upn && `'upn:' || ${c.upn}`,
    c.pncId && `'pnc:' || ${c.pncId}`,
    `'dg:' || ${dob} || '|' || ${given}`,
    `'df:' || ${dob} || '|' || left(${family}, 1)`,
    c.postcode && `'pg:' || ${c.postcode} || '|' || ${given}`,
    `'fy:' || ${family} || '|' || to_char(${c.dateOfBirth}, 'YYYY') || '|' || ${given}`,
    `'pf:' || ${sqlPhoneticFamily(family)} || '|' || to_char(${c.dateOfBirth}, 'YYYY-MM')`,
    `'pd:' || ${sqlPhoneticFamily(family)} || '|' || to_char(${c.dateOfBirth}, 'MM-DD')`,
    c.postcode && `'dd:' || ${dob} || '|' || split_part(${c.postcode}, ' ', 1)`,
  ].filter((key): key is string => Boolean(key));
  return `array_remove(ARRAY[${keys.join(', ')}]::text[], NULL)`;
}
