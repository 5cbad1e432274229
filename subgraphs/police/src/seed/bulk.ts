import {
  BULK_REFERENCE_DATE, fillerUuidBounds, runBulkSeed, sqlBlockingKeys, sqlFillerUuid, sqlPick, sqlPncId,
  type BulkSeedOptions, type BulkSeedPlan, type BulkSeedResult,
} from '@mash/shared';
import type { DataSource } from 'typeorm';

// Filler nominals for scale benchmarks (see runBulkSeed in @mash/shared). Rates are orders of
// magnitude, not Warwickshire figures: 15% of adults on PNC, 10% of nominals on an occurrence
// (a third of them domestic abuse, with a DASH), 3% of children reported missing.

const NOMINAL = 0;
const ADDRESS = 1;
const OCCURRENCE = 2;
const [FIRST, LAST] = fillerUuidBounds(NOMINAL);
const id = (kind: number, i = 'p.i') => sqlFillerUuid(kind, i);
const AT = `TIMESTAMPTZ '${BULK_REFERENCE_DATE} 00:00:00+00'`;
/** Days from birth to the reference date: no event before someone was born. */
const AGE_DAYS = `(DATE '${BULK_REFERENCE_DATE}' - p.date_of_birth)`;
const daysAgo = (days: string, hours = '12') => `(${AT} - make_interval(days => (${days})::int) + make_interval(hours => (${hours})::int))`;

// Code lists (repeats weight the commoner values).
const MARKER_TYPES = ['VIOLENT', 'VIOLENT', 'DRUGS', 'DRUGS', 'WEAPONS', 'MENTAL_HEALTH', 'SELF_HARM', 'SUICIDAL', 'ALLEGES', 'ESCAPER',
  'FIREARMS', 'CONTAGIOUS', 'IMPERSONATION'];
const OTHER_CLASSIFICATIONS = ['CONCERN_FOR_SAFETY', 'ANTI_SOCIAL_BEHAVIOUR', 'VIOLENCE', 'THEFT', 'CRIMINAL_DAMAGE', 'DRUGS', 'PUBLIC_ORDER', 'OTHER'];
const ROLES = ['VICTIM', 'SUSPECT', 'WITNESS', 'INVOLVED', 'REPORTER'];

/** Adults with a PNC record: suspects and offenders. */
const OFFENDER = 'p.age >= 16 AND p.ra % 100 < 15';

const NOMINALS = `
INSERT INTO police_nominal (id, local_nominal_id, pnc_id, cro_number, given_name, family_name, date_of_birth, gender,
  nhs_number, postcode, blocking_keys)
SELECT id, local_nominal_id, pnc_id, NULL, given_name, family_name, date_of_birth, gender, nhs, postcode,
  ${sqlBlockingKeys({
    nhsNumber: 'nhs', pncId: 'pnc_id', givenName: 'given_name', familyName: 'family_name', dateOfBirth: 'date_of_birth', postcode: 'postcode',
  })}
FROM (
  SELECT p.*, ${id(NOMINAL)} AS id, 'BULK-NOM-' || lpad(p.i::text, 8, '0') AS local_nominal_id,
    CASE WHEN p.female THEN 'FEMALE' ELSE 'MALE' END AS gender,
    -- Police hold an NHS number only when one came with a referral.
    CASE WHEN p.rb % 10 < 3 THEN p.nhs_number END AS nhs,
    CASE WHEN ${OFFENDER} THEN ${sqlPncId('first_year + p.rc % (2027 - first_year)', '3000000 + p.i')} END AS pnc_id
  FROM (SELECT *, greatest(date_part('year', date_of_birth)::int + 16, 1995) AS first_year FROM bulk_person) p
) n`;

const ADDRESSES = `
INSERT INTO nominal_address (id, nominal_id, address_line, postcode, uprn, is_current, from_date, to_date)
SELECT ${id(ADDRESS)}, ${id(NOMINAL)}, p.address_line, p.postcode, p.uprn, true, NULL, NULL FROM bulk_person p`;

const MARKERS = `
INSERT INTO warning_marker (nominal_id, type, source, created_date, active)
SELECT ${id(NOMINAL)},
  ${sqlPick(MARKER_TYPES, 'p.rc / 7')}, CASE WHEN p.rd % 3 = 0 THEN 'LOCAL' ELSE 'PNC' END,
  DATE '${BULK_REFERENCE_DATE}' - (p.rc % least(3650, (p.age - 15) * 365))::int, p.rd % 4 <> 0
FROM bulk_person p WHERE ${OFFENDER} AND p.ra / 100 % 100 < 40`;

/**
 * One occurrence each for 10% of nominals; domestic abuse ones name the next filler nominal as
 * suspect and carry a DASH whose answers agree with its count and band (the table's CHECKs).
 */
const OCCURRENCES = `
WITH src AS (
  SELECT p.i, p.postcode, p.uprn, ${id(OCCURRENCE)} AS occurrence_id,
    ${daysAgo(`least(p.rc / 10 % 1095, ${AGE_DAYS})`, 'p.rc / 100000 % 24')} AS reported_at,
    p.age >= 16 AND p.rb / 100 % 100 < 35 AS da, p.rd % 3 = 0 AS children_present, p.rd,
    CASE WHEN p.i < $1 THEN p.i + 1 WHEN p.i > 1 THEN p.i - 1 END AS partner,
    CASE WHEN p.rd / 1000 % 100 < 70 THEN p.rd / 100000 % 10 WHEN p.rd / 1000 % 100 < 92 THEN 10 + p.rd / 100000 % 4
      ELSE 14 + p.rd / 100000 % 8 END::int AS ticks
  FROM bulk_person p WHERE p.ra / 10000 % 100 < 10
), occurrences AS (
  INSERT INTO occurrence (id, reference, reported_at, occurred_from, occurred_to, location_postcode, location_uprn,
    classification, domestic_abuse, children_present)
  SELECT occurrence_id, 'BULK-OCC-' || lpad(i::text, 8, '0'), reported_at, reported_at - interval '2 hours',
    reported_at - interval '1 hour', postcode, uprn,
    CASE WHEN da THEN 'DOMESTIC_ABUSE' ELSE ${sqlPick(OTHER_CLASSIFICATIONS, 'rd / 7')} END,
    da, da AND children_present
  FROM src
), people AS (
  INSERT INTO occurrence_person (occurrence_id, nominal_id, role)
  SELECT occurrence_id, ${id(NOMINAL, 'i')}, CASE WHEN da THEN 'VICTIM' ELSE ${sqlPick(ROLES, 'rd / 11')} END FROM src
  UNION ALL
  SELECT occurrence_id, ${id(NOMINAL, 'partner')}, 'SUSPECT' FROM src WHERE da AND partner IS NOT NULL
)
INSERT INTO dash_assessment (occurrence_id, victim_id, perpetrator_id, completed_at, answers, tick_count, risk_level,
  professional_judgement_override, override_rationale, marac_referral)
SELECT occurrence_id, ${id(NOMINAL, 'i')}, CASE WHEN partner IS NOT NULL THEN ${id(NOMINAL, 'partner')} END, reported_at + interval '3 hours',
  -- YES first, but never q20 (others threatening: honour-based violence), which alone would raise HONOUR_BASED_ABUSE.
  array_fill('YES'::text, ARRAY[least(ticks, 19)]) || ARRAY['NO'::text] || array_fill('YES'::text, ARRAY[greatest(ticks - 19, 0)])
    || array_fill('NO'::text, ARRAY[26 - ticks]), ticks,
  CASE WHEN ticks >= 14 THEN 'HIGH' WHEN ticks >= 10 THEN 'MEDIUM' ELSE 'STANDARD' END, false, NULL, ticks >= 14
FROM src WHERE da`;

const MISSING = `
INSERT INTO missing_episode (nominal_id, reported_at, last_seen_at, found_at, risk_level, from_care, safe_and_well_check_at)
SELECT ${id(NOMINAL)}, reported_at, reported_at - interval '4 hours', found_at,
  ${sqlPick(['VERY_LOW', 'LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'HIGH'], 'p.rd / 13')}, p.rd / 7 % 5 = 0, found_at + interval '6 hours'
FROM (
  SELECT p.*, r.reported_at, CASE WHEN p.rd % 50 <> 0 THEN r.reported_at + make_interval(hours => (p.rd / 100 % 72)::int) END AS found_at
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${daysAgo(`least(p.rc / 1000 % 700, ${AGE_DAYS})`, 'p.rd % 24')} AS reported_at) r
  WHERE p.age < 18 AND p.rb / 10000 % 100 < 3
) p`;

const EXPLOITATION = `
INSERT INTO exploitation_flag (nominal_id, type, status, nrm_referral, flagged_on)
SELECT ${id(NOMINAL)}, ${sqlPick(['CSE', 'CCE', 'CCE', 'COUNTY_LINES', 'COUNTY_LINES', 'TRAFFICKING', 'RADICALISATION'], 'p.rd / 3')},
  ${sqlPick(['SUSPECTED', 'SUSPECTED', 'CONFIRMED', 'CLOSED'], 'p.rd / 17')}, p.rd % 4 = 0, DATE '${BULK_REFERENCE_DATE}' - (p.rd / 1000 % 900)::int
FROM bulk_person p WHERE p.age BETWEEN 10 AND 25 AND p.rc / 10000 % 1000 < 8`;

const PLAN: BulkSeedPlan = {
  agency: 'police',
  personTable: 'police_nominal',
  fillerWhere: `id BETWEEN '${FIRST}' AND '${LAST}'`,
  heldNhsNumbersSql: `SELECT nhs_number FROM police_nominal WHERE nhs_number IS NOT NULL AND NOT (id BETWEEN '${FIRST}' AND '${LAST}')`,
  async insertBatch(query, _from, to) {
    await query(NOMINALS);
    await query(ADDRESSES);
    await query(MARKERS);
    await query(OCCURRENCES, [to]);
    await query(MISSING);
    await query(EXPLOITATION);
  },
  tables: ['police_nominal', 'nominal_address', 'warning_marker', 'occurrence', 'occurrence_person', 'dash_assessment', 'missing_episode',
    'exploitation_flag', 'offender_management'],
};

/** Tops police's filler nominals up to `options.people`, with their related records. */
export function bulkSeed(dataSource: DataSource, options: BulkSeedOptions): Promise<BulkSeedResult> {
  return runBulkSeed(dataSource, options, PLAN);
}
