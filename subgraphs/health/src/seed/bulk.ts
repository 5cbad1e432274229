import {
  BULK_REFERENCE_DATE, FILLER_OUTWARD_CODES, fillerUuidBounds, runBulkSeed, sqlArray, sqlBlockingKeys, sqlFillerUuid, sqlPick,
  type BulkSeedOptions, type BulkSeedPlan, type BulkSeedResult,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import { APPOINTMENT_TYPES, SAFEGUARDING_CONCEPTS, SUBSTANCE_CATEGORIES } from '../entities/code-lists';

// Filler patients for scale benchmarks (see runBulkSeed in @mash/shared): 97% registered with a
// GP, 15% with an ED/UTC attendance in three years, and rarer records (safeguarding codes, mental
// health, substance misuse, maternity, was-not-brought, CP-IS) at national orders of magnitude.

const PATIENT = 0;
const [FIRST, LAST] = fillerUuidBounds(PATIENT);
const patientId = sqlFillerUuid(PATIENT, 'p.i');
const R = `DATE '${BULK_REFERENCE_DATE}'`;
const AT = `TIMESTAMPTZ '${BULK_REFERENCE_DATE} 00:00:00+00'`;
/** Days from birth to the reference date: no event before someone was born. */
const AGE_DAYS = `(${R} - p.date_of_birth)`;
const ago = (days: string) => `(${R} - least(${days}, ${AGE_DAYS})::int)`;

/** One fictional practice per filler outward code; ODS-shaped codes in a 9xx block no real practice uses. */
const PRACTICES = FILLER_OUTWARD_CODES.map(([outward, town], k) => [outward, `M849${50 + k}`, `${town} Medical Centre`] as const);

const SITES = ['Warwick Hospital ED', 'George Eliot Hospital ED, Nuneaton', 'Hospital of St Cross UTC, Rugby', 'Stratford Hospital MIU',
  'University Hospital Coventry ED'];
const COMPLAINTS = ['Head injury', 'Limb injury', 'Fall', 'Laceration', 'Breathing difficulty', 'Fever', 'Abdominal pain', 'Chest pain',
  'Rash', 'Vomiting', 'Headache'];
const CONCEPTS = Object.keys(SAFEGUARDING_CONCEPTS) as (keyof typeof SAFEGUARDING_CONCEPTS)[];

const PATIENTS = `
INSERT INTO patient (id, nhs_number, nhs_number_verification, given_name, family_name, date_of_birth, gender, address_line,
  postcode, uprn, restricted, deceased_date, blocking_keys)
SELECT ${patientId}, p.nhs_number, CASE WHEN p.nhs_number IS NULL THEN '03' WHEN p.rd % 20 = 0 THEN '02' ELSE '01' END,
  p.given_name, p.family_name, p.date_of_birth, CASE WHEN p.female THEN 'female' ELSE 'male' END, p.address_line, p.postcode,
  p.uprn, false, NULL,
  ${sqlBlockingKeys({
    nhsNumber: 'p.nhs_number', givenName: 'p.given_name', familyName: 'p.family_name', dateOfBirth: 'p.date_of_birth', postcode: 'p.postcode',
  })}
FROM bulk_person p`;

/** Registered now (97%), or (1%) once registered and since deducted; the rest never registered. */
const REGISTRATIONS = `
INSERT INTO gp_registration (patient_id, practice_ods_code, practice_name, registered_from, registered_to, status)
SELECT ${patientId}, g.ods_code, g.name, registered_from,
  CASE WHEN registered THEN NULL ELSE least(${R}, registered_from + 365) END,
  CASE WHEN registered THEN 'REGISTERED' ELSE 'DEDUCTED' END
FROM (
  SELECT p.*, p.ra % 100 < 97 AS registered, least(${R}, greatest(p.date_of_birth + 14, ${R} - (p.rc % 6000)::int)) AS registered_from
  FROM bulk_person p WHERE p.ra % 100 < 98
) p
JOIN unnest(${sqlArray(PRACTICES.map(([o]) => o))}, ${sqlArray(PRACTICES.map(([, c]) => c))}, ${sqlArray(PRACTICES.map(([, , n]) => n))})
  AS g(outward, ods_code, name) ON g.outward = p.outward`;

const ATTENDANCES = `
INSERT INTO unscheduled_care_attendance (patient_id, arrival_at, site, chief_complaint, injury, safeguarding_concern, left_before_treatment)
SELECT ${patientId}, ${AT} - make_interval(days => least(p.rc / 7 % 1095, ${AGE_DAYS})::int, hours => (p.rd % 24)::int),
  ${sqlPick(SITES, 'p.rd / 3')}, ${sqlPick(COMPLAINTS, 'p.rd / 11')}, p.rd / 11 % 11 < 4, p.rd % 50 = 0, p.rd / 50 % 20 = 0
FROM bulk_person p WHERE p.ra / 100 % 100 < 15`;

const SAFEGUARDING = `
INSERT INTO safeguarding_code (patient_id, snomed_concept_id, term, recorded_date, active)
SELECT ${patientId}, (${sqlArray(CONCEPTS)})[k], (${sqlArray(CONCEPTS.map((c) => SAFEGUARDING_CONCEPTS[c]))})[k],
  ${ago('p.rc % 1500')}, p.rd % 4 <> 0
FROM (SELECT p.*, CASE WHEN p.age < 18 THEN ${sqlPick(['1', '2', '4', '5'], 'p.rd / 7')} ELSE '6' END::int AS k FROM bulk_person p) p
WHERE p.rb / 100 % 1000 < 5`;

const MENTAL_HEALTH = `
INSERT INTO mental_health_involvement (patient_id, service, open, referral_date, discharge_date, mha_section, mha_detained_from,
  mha_detained_to, risk_summary)
SELECT ${patientId}, service, open, referral_date, CASE WHEN NOT open THEN referral_date + 90 END, NULL, NULL, NULL, NULL
FROM (
  SELECT p.*, CASE WHEN p.age < 18 THEN 'CAMHS' WHEN p.female AND p.age < 45 AND p.rd % 5 = 0 THEN 'PERINATAL'
      ELSE ${sqlPick(['AMHS', 'AMHS', 'AMHS', 'CRISIS', 'EIP'], 'p.rd / 7')} END AS service,
    r.referral_date, p.rd / 3 % 2 = 0 OR r.referral_date + 90 > ${R} AS open
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${ago('p.rc / 10 % 2000')} AS referral_date) r
  WHERE p.rb / 100000 % 100 < 2
) p`;

const SUBSTANCE = `
INSERT INTO substance_misuse_treatment (patient_id, provider, substance_category, open, start_date, end_date)
SELECT ${patientId}, 'Change Grow Live Warwickshire', ${sqlPick(SUBSTANCE_CATEGORIES, 'p.rd / 7')}, open, start_date,
  CASE WHEN NOT open THEN start_date + 120 END
FROM (
  SELECT p.*, ${R} - (p.rc / 10 % 1500)::int AS start_date, p.rd % 3 = 0 OR p.rc / 10 % 1500 < 120 AS open FROM bulk_person p
  WHERE p.age >= 18 AND p.rc / 1000000 % 100 < 1
) p`;

const MATERNITY = `
INSERT INTO maternity_episode (patient_id, booking_date, gestation_at_booking_weeks, edd, antenatal_dna_count, concerns_at_booking)
SELECT ${patientId}, booking_date, weeks, booking_date + (40 - weeks) * 7, (p.rd / 7 % 3)::smallint,
  CASE WHEN p.rd % 10 = 0 THEN ARRAY['MENTAL_HEALTH'] ELSE '{}' END::text[]
FROM (SELECT p.*, ${R} - (p.rc / 100 % 600)::int AS booking_date, (8 + p.rd / 100000 % 14)::int AS weeks FROM bulk_person p
  WHERE p.female AND p.age BETWEEN 16 AND 45 AND p.rd / 1000 % 100 < 4) p`;

const WAS_NOT_BROUGHT = `
INSERT INTO was_not_brought_event (patient_id, appointment_type, appointment_date)
SELECT ${patientId}, ${sqlPick(APPOINTMENT_TYPES, 'p.rd / 3')}, ${ago('p.rc / 7 % 365')}
FROM bulk_person p WHERE p.age < 18 AND p.rb / 1000000 % 100 < 5`;

const CPIS = `
INSERT INTO cpis_record (patient_id, plan_type, start_date, end_date, responsible_la)
SELECT ${patientId}, ${sqlPick(['CPP', 'CPP', 'CLA'], 'p.rd / 3')}, ${ago('p.rd / 13 % 700')}, NULL, 'Warwickshire County Council'
FROM bulk_person p WHERE p.age < 18 AND p.rc / 100000 % 1000 < 3`;

const PLAN: BulkSeedPlan = {
  agency: 'health',
  personTable: 'patient',
  fillerWhere: `id BETWEEN '${FIRST}' AND '${LAST}'`,
  heldNhsNumbersSql: `SELECT nhs_number FROM patient WHERE nhs_number IS NOT NULL AND NOT (id BETWEEN '${FIRST}' AND '${LAST}')`,
  async insertBatch(query) {
    for (const sql of [PATIENTS, REGISTRATIONS, ATTENDANCES, SAFEGUARDING, MENTAL_HEALTH, SUBSTANCE, MATERNITY, WAS_NOT_BROUGHT, CPIS]) {
      await query(sql);
    }
  },
  tables: ['patient', 'gp_registration', 'unscheduled_care_attendance', 'safeguarding_code', 'mental_health_involvement',
    'substance_misuse_treatment', 'maternity_episode', 'was_not_brought_event', 'cpis_record'],
};

/** Tops health's filler patients up to `options.people`, with their related records. */
export function bulkSeed(dataSource: DataSource, options: BulkSeedOptions): Promise<BulkSeedResult> {
  return runBulkSeed(dataSource, options, PLAN);
}
