import type { DataSource } from 'typeorm';
import { hubStore } from '../hub/entity-reader';
import type { CaseFacts } from '../policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts the policy decides on, and whether research on the case has started (the hub's clock). */
export interface SubjectCase extends CaseFacts {
  researchStarted: boolean;
}

const CASES_OF_SUBJECTS = `SELECT s.id AS subject_id, c.id, c.kind, c.rag, c.status, c.closed_at, c.consent_early_help_sharing AS consent, c.rating_state,
        c.research_started_at IS NOT NULL AS research_started
   FROM mash_subject s JOIN mash_case c ON c.id = s.case_id
  WHERE s.id = ANY($1::uuid[])`;

/** The case each subject belongs to, with the facts the policy decides on; one prepared statement per fetch. */
export async function casesOfSubjects(hub: DataSource, subjectIds: string[]): Promise<Map<string, SubjectCase>> {
  const ids = [...new Set(subjectIds.filter((id) => UUID.test(id)))];
  const found = new Map<string, SubjectCase>();
  if (ids.length === 0) return found;
  const rows: {
    subject_id: string; id: string; kind: CaseFacts['kind']; rag: CaseFacts['rag']; status: CaseFacts['status']; closed_at: Date | null; consent: boolean;
    rating_state: CaseFacts['ratingState']; research_started: boolean;
  }[] =
    await hubStore(hub).query(CASES_OF_SUBJECTS, [ids]);
  for (const row of rows) {
    found.set(row.subject_id, {
      id: row.id, kind: row.kind, rag: row.rag, status: row.status, closedAt: row.closed_at, consentEarlyHelpSharing: row.consent, ratingState: row.rating_state,
      researchStarted: row.research_started,
    });
  }
  return found;
}
