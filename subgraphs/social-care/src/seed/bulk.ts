import {
  BULK_REFERENCE_DATE, runBulkSeed, sqlBlockingKeys, sqlFillerUuid, sqlPick, sqlUpn,
  type BulkSeedOptions, type BulkSeedPlan, type BulkSeedResult,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import {
  CATEGORY_OF_ABUSE_CODES, EARLY_HELP_CLOSURE_CODES, LEAD_AGENCY_CODES, LEAD_PROFESSIONAL_ROLE_CODES, LEGAL_STATUS_CODES,
  LOCATION_OF_RISK_CODES, PLACEMENT_TYPE_CODES, PRIMARY_NEED_CODES, REASON_CEASED_CODES, REASON_FOR_CLOSURE_CODES,
  REASON_NEW_EPISODE_CODES, REFERRAL_SOURCE_CODES, RISK_OUTCOME_CODES, SOURCE_OF_RISK_CODES,
} from '../entities/code-lists';

// Filler people for scale benchmarks (see runBulkSeed in @mash/shared): 20% of children referred
// (most referrals closed, 60% assessed), 1% of children on a CP plan, 0.5% looked after, 4% in early
// help; 2% of adults with a section 42 concern.

const REFERRAL = 1;
const R = `DATE '${BULK_REFERENCE_DATE}'`;
const personId = (i = 'p.i') => `'BULK-' || lpad((${i})::text, 7, '0')`;
const referralId = sqlFillerUuid(REFERRAL, 'p.i');
/** Days from birth to the reference date: no event before someone was born. */
const AGE_DAYS = `(${R} - p.date_of_birth)`;
const ago = (days: string) => `(${R} - least(${days}, ${AGE_DAYS})::int)`;
const CHILD = 'p.age < 18';

/** Reception year: the September after the fourth birthday (so September-August births share a year). */
const RECEPTION = `(date_part('year', p.date_of_birth)::int + CASE WHEN date_part('month', p.date_of_birth) >= 9 THEN 5 ELSE 4 END)`;

const ETHNICITY = ['WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI', 'WBRI',
  'WBRI', 'WBRI', 'WOTH', 'AIND', 'MWBC', 'APKN', 'BAFR', 'BCRB', 'WIRI', 'OOTH'];

/** Assessment factors and section 42 risk types, comma-separated sets (CHECKed against the code lists). */
const FACTORS = ['21', '1B,21', '3B,4B', '2A', '6C,8B', '2B,3C', '22A', '24A,11A', '18B', '19B,21'];
const RISKS = ['NEGLECT_AND_ACTS_OF_OMISSION', 'SELF_NEGLECT', 'FINANCIAL_OR_MATERIAL', 'PHYSICAL', 'PSYCHOLOGICAL,DOMESTIC_ABUSE',
  'PHYSICAL,NEGLECT_AND_ACTS_OF_OMISSION'];

const PEOPLE = `
INSERT INTO sc_person (person_id, upn, nhs_number, given_name, family_name, date_of_birth, expected_date_of_birth, gender_code,
  ethnicity, postcode, uprn, is_adult, blocking_keys)
SELECT person_id, upn, nhs, given_name, family_name, date_of_birth, NULL, CASE WHEN female THEN 2 ELSE 1 END, ethnicity,
  postcode, uprn, age >= 18,
  ${sqlBlockingKeys({
    nhsNumber: 'nhs', upn: 'upn', givenName: 'given_name', familyName: 'family_name', dateOfBirth: 'date_of_birth', postcode: 'postcode',
  })}
FROM (
  SELECT p.*, ${personId()} AS person_id, ${sqlPick(ETHNICITY, 'p.rc / 3')} AS ethnicity,
    CASE WHEN p.rb % 10 < 9 THEN p.nhs_number END AS nhs,
    -- Establishments 3000+ are clear of the population's UPNs (2xxx) and education's filler (6000+).
    CASE WHEN ${CHILD} AND ${RECEPTION} <= 2026 THEN ${sqlUpn('3000 + (p.i - 1) / 999', `${RECEPTION} % 100`, '(p.i - 1) % 999 + 1')} END AS upn
  FROM bulk_person p
) x`;

const REFERRALS = `
INSERT INTO sc_referral (id, person_id, referral_date, source, primary_need, closure_date, reason_for_closure, nfa, date_of_initial_cpc)
SELECT ${referralId}, ${personId()}, referral_date, ${sqlPick(REFERRAL_SOURCE_CODES, 'p.rc / 11')}, ${sqlPick(PRIMARY_NEED_CODES, 'p.rc / 13')},
  CASE WHEN closed THEN referral_date + (7 + p.rd / 100 % 120)::int END,
  CASE WHEN closed THEN ${sqlPick(REASON_FOR_CLOSURE_CODES, 'p.rd / 7')} END, closed AND p.rd / 10000 % 10 = 0, NULL
FROM (
  SELECT p.*, r.referral_date, ${R} - r.referral_date > 130 AND p.rd % 100 < 85 AS closed
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${ago('p.rc % 1800')} AS referral_date) r
  WHERE ${CHILD} AND p.ra % 100 < 20
) p`;

const ASSESSMENTS = `
INSERT INTO sc_assessment (referral_id, start_date, authorised_date, factors)
SELECT ${referralId}, start_date, CASE WHEN start_date + 35 <= ${R} THEN start_date + 35 END,
  string_to_array(${sqlPick(FACTORS, 'p.rd / 19')}, ',')
FROM (SELECT p.*, least(${R}, ${ago('p.rc % 1800')} + 2) AS start_date FROM bulk_person p WHERE ${CHILD} AND p.ra % 100 < 20) p
WHERE p.ra / 100 % 100 < 60`;

const PLANS = `
INSERT INTO sc_child_protection_plan (person_id, referral_id, start_date, end_date, initial_category, latest_category, number_of_previous_cpp)
SELECT ${personId()}, ${referralId}, start_date, CASE WHEN start_date < ${R} - 365 THEN start_date + 300 END,
  ${sqlPick(CATEGORY_OF_ABUSE_CODES, 'p.rd / 23')}, ${sqlPick(CATEGORY_OF_ABUSE_CODES, 'p.rd / 29')}, CASE WHEN p.rd % 10 = 0 THEN 1 ELSE 0 END
FROM (SELECT p.*, least(${R}, ${ago('p.rc % 1800')} + 25) AS start_date FROM bulk_person p WHERE ${CHILD} AND p.ra % 100 < 20) p
WHERE p.ra / 10000 % 100 < 5`;

const LOOKED_AFTER = `
INSERT INTO sc_looked_after_episode (person_id, start_date, reason_new_episode, legal_status, placement_type, end_date, reason_ceased)
SELECT ${personId()}, start_date, ${sqlPick(REASON_NEW_EPISODE_CODES, 'p.rd / 3')}, ${sqlPick(LEGAL_STATUS_CODES, 'p.rd / 7')},
  ${sqlPick(PLACEMENT_TYPE_CODES, 'p.rd / 11')}, CASE WHEN ended THEN start_date + 30 END,
  CASE WHEN ended THEN ${sqlPick(REASON_CEASED_CODES, 'p.rd / 13')} END
FROM (
  SELECT p.*, s.start_date, p.rd % 3 = 0 AND s.start_date <= ${R} - 30 AS ended
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${ago('p.rc / 10 % 2000')} AS start_date) s
  WHERE ${CHILD} AND p.rb / 10000 % 1000 < 5
) p`;

const EARLY_HELP = `
INSERT INTO sc_early_help_episode (person_id, start_date, end_date, lead_agency, lead_professional_role, assessment_type, plan_status, closure_reason)
SELECT ${personId()}, start_date, CASE WHEN closed THEN start_date + 90 END, ${sqlPick(LEAD_AGENCY_CODES, 'p.rd / 3')},
  ${sqlPick(LEAD_PROFESSIONAL_ROLE_CODES, 'p.rd / 7')}, 'PATHWAY_TO_CHANGE',
  CASE WHEN closed THEN 'CLOSED' ELSE ${sqlPick(['ASSESSMENT', 'PLAN_IN_PLACE', 'PLAN_IN_PLACE', 'REVIEW'], 'p.rd / 11')} END,
  CASE WHEN closed THEN ${sqlPick(EARLY_HELP_CLOSURE_CODES, 'p.rd / 13')} END
FROM (
  SELECT p.*, s.start_date, p.rd / 100 % 2 = 0 AND s.start_date <= ${R} - 90 AS closed
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${ago('p.rc / 100 % 1000')} AS start_date) s
  WHERE ${CHILD} AND p.rb / 100 % 100 < 4
) p`;

const SECTION_42 = `
INSERT INTO sc_section42_enquiry (person_id, concern_date, enquiry_type, risk_types, source_of_risk, location_of_risk, end_date,
  outcome, mental_capacity_assessed, consent, consent_override_reason)
SELECT ${personId()}, concern_date, ${sqlPick(['S42', 'S42', 'OTHER'], 'p.rd / 3')},
  string_to_array(${sqlPick(RISKS, 'p.rd / 7')}, ','),
  ${sqlPick(SOURCE_OF_RISK_CODES, 'p.rd / 11')}, ${sqlPick(LOCATION_OF_RISK_CODES, 'p.rd / 13')},
  CASE WHEN ended THEN concern_date + 60 END, CASE WHEN ended THEN ${sqlPick(RISK_OUTCOME_CODES, 'p.rd / 17')} END,
  p.rd % 2 = 0, ${sqlPick(['OBTAINED', 'OBTAINED', 'NOT_SOUGHT'], 'p.rd / 19')}, NULL
FROM (
  SELECT p.*, c.concern_date, c.concern_date + 60 <= ${R} AS ended
  FROM bulk_person p CROSS JOIN LATERAL (SELECT ${R} - (p.rc / 1000 % 1500)::int AS concern_date) c
  WHERE p.age >= 18 AND p.rb / 10000 % 100 < 2
) p`;

const PLAN: BulkSeedPlan = {
  agency: 'social-care',
  personTable: 'sc_person',
  fillerWhere: `person_id LIKE 'BULK-%'`,
  heldNhsNumbersSql: `SELECT nhs_number FROM sc_person WHERE nhs_number IS NOT NULL AND person_id NOT LIKE 'BULK-%'`,
  async insertBatch(query) {
    for (const sql of [PEOPLE, REFERRALS, ASSESSMENTS, PLANS, LOOKED_AFTER, EARLY_HELP, SECTION_42]) await query(sql);
  },
  tables: ['sc_person', 'sc_referral', 'sc_assessment', 'sc_child_protection_plan', 'sc_looked_after_episode', 'sc_early_help_episode',
    'sc_section42_enquiry'],
};

/** Tops social care's filler people up to `options.people`, with their related records. */
export function bulkSeed(dataSource: DataSource, options: BulkSeedOptions): Promise<BulkSeedResult> {
  return runBulkSeed(dataSource, options, PLAN);
}
