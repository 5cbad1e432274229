import type { AgencyStore } from '@mash/shared';
import type { PupilRecord } from './pupil-record';

/**
 * One round trip for the matched pupils: each related table is aggregated into JSON per pupil,
 * which avoids both the row explosion of joining nine one-to-many tables and a query per table.
 * Postgres renders `date` as `YYYY-MM-DD` inside JSON, so no time-zone conversion touches a DOB.
 */
const LOAD_PUPILS_SQL = `
SELECT json_build_object(
  'id', p.id, 'upn', p.upn, 'upnTemporary', p.upn_temporary, 'dateOfBirth', p.date_of_birth,
  'enrolments', COALESCE((
    SELECT json_agg(json_build_object(
      'school', json_build_object('urn', s.urn, 'name', s.name, 'phase', s.phase, 'dslRole', s.dsl_role, 'dslPhone', s.dsl_phone),
      'entryDate', e.entry_date, 'leavingDate', e.leaving_date, 'enrolStatus', e.enrol_status,
      'partTime', e.part_time, 'onRoll', e.on_roll) ORDER BY e.entry_date DESC)
    FROM enrolment e JOIN school s ON s.urn = e.school_urn WHERE e.pupil_id = p.id), '[]'::json),
  'attendance', COALESCE((
    SELECT json_agg(json_build_object(
      'academicYear', a.academic_year, 'term', a.term, 'sessionsPossible', a.sessions_possible,
      'sessionsAuthorised', a.sessions_authorised, 'sessionsUnauthorised', a.sessions_unauthorised))
    FROM attendance_summary a WHERE a.pupil_id = p.id), '[]'::json),
  'exclusions', COALESCE((
    SELECT json_agg(json_build_object(
      'startDate', x.start_date, 'category', x.category, 'sessions', x.sessions, 'reasons', x.reasons) ORDER BY x.start_date DESC)
    FROM exclusion x WHERE x.pupil_id = p.id), '[]'::json),
  'sen', (
    SELECT json_build_object('provision', n.provision, 'needs', n.needs, 'ehcpStart', n.ehcp_start)
    FROM sen_status n WHERE n.pupil_id = p.id),
  'electiveHomeEducation', COALESCE((
    SELECT json_agg(json_build_object(
      'notifiedDate', h.notified_date, 'previousSchoolUrn', h.previous_school_urn, 'laVisitDate', h.la_visit_date,
      'suitabilityOutcome', h.suitability_outcome, 'endedDate', h.ended_date) ORDER BY h.notified_date DESC)
    FROM elective_home_education h WHERE h.pupil_id = p.id), '[]'::json),
  'childMissingEducation', COALESCE((
    SELECT json_agg(json_build_object(
      'reportedDate', c.reported_date, 'reason', c.reason, 'status', c.status, 'closedDate', c.closed_date)
      ORDER BY c.reported_date DESC)
    FROM child_missing_education c WHERE c.pupil_id = p.id), '[]'::json),
  'operationEncompass', COALESCE((
    SELECT json_agg(json_build_object(
      'occurrenceRef', o.occurrence_ref, 'receivedAt', o.received_at, 'dashRisk', o.dash_risk,
      'dslActionTaken', o.dsl_action_taken)
      ORDER BY o.received_at DESC)
    FROM operation_encompass_notification o WHERE o.pupil_id = p.id), '[]'::json),
  'alternativeProvision', COALESCE((
    SELECT json_agg(json_build_object(
      'apReason', ap.ap_reason, 'provider', ap.provider, 'startDate', ap.start_date, 'endDate', ap.end_date) ORDER BY ap.start_date DESC)
    FROM alternative_provision ap WHERE ap.pupil_id = p.id), '[]'::json),
  'freeSchoolMeals', COALESCE((
    SELECT json_agg(json_build_object('startDate', f.start_date, 'endDate', f.end_date) ORDER BY f.start_date DESC)
    FROM fsm_period f WHERE f.pupil_id = p.id), '[]'::json)
) AS pupil
FROM pupil p
WHERE p.id = ANY($1::uuid[])`;

export async function loadPupils(store: AgencyStore, ids: readonly string[]): Promise<Map<string, PupilRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ pupil: PupilRecord }>(LOAD_PUPILS_SQL, [ids]);
  return new Map(rows.map(({ pupil }) => [pupil.id, pupil]));
}
