import {
  BULK_REFERENCE_DATE, FILLER_FEMALE_NAMES, fillerUuidBounds, runBulkSeed, sqlBlockingKeys, sqlFillerUuid, sqlPick, sqlUpn,
  type BulkSeedOptions, type BulkSeedPlan, type BulkSeedResult,
} from '@mash/shared';
import type { DataSource } from 'typeorm';
import { CME_REASONS, DASH_RISKS, DSL_ACTIONS, EHE_SUITABILITY_OUTCOMES, SEN_NEEDS } from '../entities/code-lists';

// Filler pupils for scale benchmarks (see runBulkSeed in @mash/shared): people of 2 to 24, so an
// education record is plausible for each; 98% of those of school age (Reception to Year 13) on a
// roll with this term's attendance (10% persistently absent), the rest home-educated or missing
// education; SEN support 15%, EHC plans 3%; one contact (the mother) each on roll. Each filler
// pupil has a UPRN of their own, so filler pupils have no siblings.

const PUPIL = 0;
const [FIRST, LAST] = fillerUuidBounds(PUPIL);
const pupilId = sqlFillerUuid(PUPIL, 'p.i');
const R = `DATE '${BULK_REFERENCE_DATE}'`;
/** The academic year the reference date falls in (2026/27 for 1 November 2026). */
const THIS_YEAR = Number(BULK_REFERENCE_DATE.slice(0, 4)) - (BULK_REFERENCE_DATE.slice(5) < '09-01' ? 1 : 0);
/** Morning and afternoon sessions from 3 September to 1 November, half term excluded. */
const AUTUMN_SESSIONS = 74;

/** Reception year (the September after the fourth birthday) and this year's year group (0 = Reception). */
const PUPILS_SRC = (schools: Schools) => `(
  SELECT p.*, ${THIS_YEAR} - ry AS year_group,
    ${THIS_YEAR} - ry BETWEEN 0 AND 13 AND p.ra % 100 < 98 AS on_roll,
    CASE WHEN ${THIS_YEAR} - ry <= 6 THEN ${sqlPick(schools.primary, 'p.rb / 7')} ELSE ${sqlPick(schools.secondary, 'p.rb / 7')} END AS school_urn,
    make_date(ry + CASE WHEN ${THIS_YEAR} - ry >= 7 THEN 7 ELSE 0 END, 9, 3) AS entry_date
  FROM (SELECT *, date_part('year', date_of_birth)::int + CASE WHEN date_part('month', date_of_birth) >= 9 THEN 5 ELSE 4 END AS ry
    FROM bulk_person) p
) p`;

interface Schools {
  primary: string[];
  secondary: string[];
}

const PUPILS = `
INSERT INTO pupil (id, upn, former_upn, upn_temporary, given_name, family_name, preferred_surname, date_of_birth, sex, postcode, uprn,
  address_line, blocking_keys)
SELECT id, upn, NULL, false, given_name, family_name, NULL, date_of_birth, CASE WHEN female THEN 'F' ELSE 'M' END, postcode, uprn,
  address_line,
  ${sqlBlockingKeys({ upn: 'upn', givenName: 'given_name', familyName: 'family_name', dateOfBirth: 'date_of_birth', postcode: 'postcode' })}
FROM (
  SELECT p.*, ${pupilId} AS id,
    -- Establishments 6000+ are clear of the population's UPNs (2xxx) and social care's filler (3000+).
    CASE WHEN ry <= ${THIS_YEAR} THEN ${sqlUpn('6000 + (p.i - 1) / 999', 'ry % 100', '(p.i - 1) % 999 + 1')} END AS upn
  FROM (SELECT *, date_part('year', date_of_birth)::int + CASE WHEN date_part('month', date_of_birth) >= 9 THEN 5 ELSE 4 END AS ry
    FROM bulk_person) p
) x`;

const ENROLMENTS = (s: Schools) => `
INSERT INTO enrolment (pupil_id, school_urn, entry_date, leaving_date, enrol_status, part_time, on_roll)
SELECT ${pupilId}, school_urn, entry_date, NULL, 'C', p.rd % 200 = 0, true FROM ${PUPILS_SRC(s)} WHERE on_roll`;

/**
 * This term so far (the attendance flags read this academic year): persistently absent pupils (10%)
 * miss 12-30% of sessions, the rest under 8%.
 */
const ATTENDANCE = (s: Schools) => `
INSERT INTO attendance_summary (pupil_id, school_urn, academic_year, term, sessions_possible, sessions_authorised, sessions_unauthorised)
SELECT ${pupilId}, school_urn, '${THIS_YEAR}/${String((THIS_YEAR + 1) % 100).padStart(2, '0')}', 'AUTUMN', ${AUTUMN_SESSIONS},
  missed - missed * share / 100, missed * share / 100
FROM (
  SELECT p.*, (${AUTUMN_SESSIONS} * CASE WHEN p.rc % 100 < 10 THEN 12 + p.rd / 1000 % 19 ELSE p.rd / 1000 % 8 END / 100)::int AS missed,
    (10 + p.rd / 100000 % 60)::int AS share
  FROM ${PUPILS_SRC(s)} WHERE on_roll AND year_group <= 11
) p`;

const EXCLUSIONS = (s: Schools) => `
INSERT INTO exclusion (pupil_id, school_urn, start_date, category, sessions, reasons)
SELECT ${pupilId}, school_urn, greatest(entry_date, ${R} - (p.rc / 100 % 300)::int), 'SUSP', 1 + (p.rd % 6)::int,
  ARRAY[${sqlPick(['DB', 'DB', 'DB', 'VA', 'PA', 'PP', 'VP', 'DA', 'BU', 'DM', 'MT', 'OW'], 'p.rd / 7')}]
FROM ${PUPILS_SRC(s)} WHERE on_roll AND year_group BETWEEN 3 AND 11 AND p.rb / 100 % 100 < 2`;

const SEN = (s: Schools) => `
INSERT INTO sen_status (pupil_id, provision, needs, ehcp_start, ehcp_la)
SELECT ${pupilId}, CASE WHEN ehcp THEN 'E' ELSE 'K' END, ARRAY[${sqlPick(SEN_NEEDS, 'p.rd / 11')}],
  CASE WHEN ehcp THEN greatest(p.date_of_birth + 1095, ${R} - (p.rc / 10 % 1500)::int) END, CASE WHEN ehcp THEN '937' END
FROM (SELECT p.*, p.rb / 10000 % 100 >= 15 AS ehcp FROM ${PUPILS_SRC(s)} WHERE on_roll AND p.rb / 10000 % 100 < 18) p`;

/** School-age children on no roll: half notified as home-educated, half reported missing education. */
const OFF_ROLL = (s: Schools) => `
WITH off_roll AS (
  SELECT p.* FROM ${PUPILS_SRC(s)} WHERE NOT on_roll AND year_group BETWEEN 0 AND 11
), home AS (
  INSERT INTO elective_home_education (pupil_id, notified_date, previous_school_urn, la_visit_date, suitability_outcome, ended_date)
  SELECT ${pupilId}, notified, CASE WHEN p.rd / 2 % 2 = 0 THEN school_urn END, CASE WHEN notified + 30 <= ${R} THEN notified + 30 END,
    ${sqlPick(EHE_SUITABILITY_OUTCOMES, 'p.rd / 5')}, NULL
  FROM (SELECT p.*, ${R} - (p.rc / 10 % 700)::int AS notified FROM off_roll p WHERE p.rd % 2 = 0) p
)
INSERT INTO child_missing_education (pupil_id, reported_date, reason, status, closed_date)
SELECT ${pupilId}, ${R} - (p.rc / 10 % 400)::int, ${sqlPick(CME_REASONS, 'p.rd / 5')}, 'OPEN', NULL FROM off_roll p WHERE p.rd % 2 = 1`;

/** One contact per pupil on roll: the mother, same surname, 20 to 40 years older, date of birth held for 70%. */
const CONTACTS = (s: Schools) => `
INSERT INTO pupil_contact (pupil_id, given_name, family_name, date_of_birth, relationship, priority)
SELECT ${pupilId}, ${sqlPick(FILLER_FEMALE_NAMES, 'p.ra / 13')}, family_name,
  CASE WHEN p.ra / 1000 % 10 < 7 THEN p.date_of_birth - (7300 + p.ra / 10000 % 7300)::int END, 'MOTHER', 1
FROM ${PUPILS_SRC(s)} WHERE on_roll`;

const ENCOMPASS = (s: Schools) => `
INSERT INTO operation_encompass_notification (pupil_id, school_urn, occurrence_ref, received_at, dash_risk, dsl_action_taken)
SELECT ${pupilId}, school_urn, 'BULK-OCC-' || lpad(p.i::text, 8, '0'),
  TIMESTAMPTZ '${BULK_REFERENCE_DATE} 08:00:00+00' - make_interval(days => (p.rd / 7 % 365)::int),
  ${sqlPick(DASH_RISKS, 'p.rd / 3')}, ${sqlPick(DSL_ACTIONS, 'p.rd / 11')}
FROM ${PUPILS_SRC(s)} WHERE on_roll AND year_group <= 11 AND p.rc / 10000 % 1000 < 5`;

const PLAN: BulkSeedPlan = {
  agency: 'education',
  personTable: 'pupil',
  fillerWhere: `id BETWEEN '${FIRST}' AND '${LAST}'`,
  born: { from: `${THIS_YEAR - 24}-09-01`, to: `${THIS_YEAR - 2}-08-31` },
  async insertBatch(query) {
    const rows = (await query(`SELECT urn, phase FROM school ORDER BY urn`)) as { urn: string; phase: string }[];
    const schools: Schools = {
      primary: rows.filter((r) => ['PRIMARY', 'ALL_THROUGH'].includes(r.phase)).map((r) => r.urn),
      secondary: rows.filter((r) => ['SECONDARY', 'ALL_THROUGH'].includes(r.phase)).map((r) => r.urn),
    };
    if (schools.primary.length === 0 || schools.secondary.length === 0) {
      throw new Error('education bulk seed: no primary or secondary schools; run the regular seed first');
    }
    await query(PUPILS);
    for (const sql of [ENROLMENTS, ATTENDANCE, EXCLUSIONS, SEN, OFF_ROLL, ENCOMPASS, CONTACTS]) await query(sql(schools));
  },
  tables: ['pupil', 'enrolment', 'attendance_summary', 'exclusion', 'sen_status', 'elective_home_education', 'child_missing_education',
    'operation_encompass_notification', 'pupil_contact'],
};

/** Tops education's filler pupils up to `options.people`, with their related records. */
export function bulkSeed(dataSource: DataSource, options: BulkSeedOptions): Promise<BulkSeedResult> {
  return runBulkSeed(dataSource, options, PLAN);
}
