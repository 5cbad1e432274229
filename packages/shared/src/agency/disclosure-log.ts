import type { AgencyRequestContext } from '../grant-claims';
import type { AgencyStore } from './store';

export interface DisclosedSubject {
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
}

const INSERT = `
INSERT INTO disclosure_log (grant_id, request_id, case_id, user_id, purpose, obligations, subject_id, match_status, record_ids)
SELECT $1, $2, $3, $4, $5, $6::text[], s.subject_id, s.match_status, ARRAY(SELECT json_array_elements_text(s.record_ids))
  FROM json_to_recordset($7::json) AS s(subject_id text, match_status text, record_ids json)`;

/**
 * One disclosure-log row per subject answered, in a single statement, before the answer leaves
 * the agency: if the write fails the request fails, so nothing leaves unrecorded
 * (ARCHITECTURE.md, "Audit and disclosure").
 */
export async function recordDisclosures(store: AgencyStore, context: AgencyRequestContext, subjects: readonly DisclosedSubject[]): Promise<void> {
  if (subjects.length === 0) return;
  const grant = context.grant;
  await store.query(INSERT, [
    grant?.grantId ?? null,
    context.requestId,
    grant?.caseId ?? null,
    grant?.userId ?? null,
    grant?.purpose ?? null,
    grant?.obligations ?? [],
    JSON.stringify(subjects.map(({ subjectId, matchStatus, recordIds }) => ({ subject_id: subjectId, match_status: matchStatus, record_ids: recordIds }))),
  ]);
}
