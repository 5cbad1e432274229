import { createLogger } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { flagsOf } from '../picture/answers';
import { HOME_EDUCATION_CODES, type Finding, type Member } from '../picture/findings';

const logger = createLogger('gateway');

/** The findings the report counts, as case_finding codes (the migration CaseFindings lists them). */
export type CaseFindingCode = 'PICTURE_VIEWED' | 'CHILD_MISSING_EDUCATION' | 'CHILD_NOT_KNOWN_TO_HEALTH' | 'CHILD_HOME_EDUCATED';

const COUNTED_FINDINGS = new Set<CaseFindingCode>(['CHILD_MISSING_EDUCATION', 'CHILD_NOT_KNOWN_TO_HEALTH']);

/**
 * What of one case picture the report counts: the case was viewed, and per child the triangulation
 * findings found (not those NOT_ASSESSED), and home education from education's own flag. Ids and
 * codes only.
 */
export function countedFindings(members: Member[], findings: Finding[]): { subjectId: string | null; code: CaseFindingCode }[] {
  const rows: { subjectId: string | null; code: CaseFindingCode }[] = [{ subjectId: null, code: 'PICTURE_VIEWED' }];
  for (const finding of findings) {
    if (finding.status !== 'FOUND' || !COUNTED_FINDINGS.has(finding.code as CaseFindingCode)) continue;
    for (const subjectId of finding.subjectIds) rows.push({ subjectId, code: finding.code as CaseFindingCode });
  }
  for (const member of members) {
    if (member.child && flagsOf(member.answers.education).some((flag) => HOME_EDUCATION_CODES.has(flag.code))) {
      rows.push({ subjectId: member.subject.id, code: 'CHILD_HOME_EDUCATED' });
    }
  }
  return rows;
}

/** How many recorded findings each hub database's memo keeps (the oldest forgotten first). */
const REMEMBERED = 20_000;
const recorded = new WeakMap<DataSource, Map<string, true>>();

/**
 * Records the first sighting of each counted finding (later sightings change nothing). A failure
 * costs the report a count, never the picture: it is logged by name and the picture is answered.
 * What this process has recorded is remembered (ids and codes, bounded), so viewing a picture again
 * writes nothing: every triage read used to cost the hub a write whose every row was already there.
 */
export async function recordCaseFindings(hub: DataSource, caseId: string, rows: { subjectId: string | null; code: CaseFindingCode }[]): Promise<void> {
  let memo = recorded.get(hub);
  if (!memo) recorded.set(hub, (memo = new Map()));
  const keys = rows.map((row) => `${caseId}|${row.subjectId ?? ''}|${row.code}`);
  if (keys.every((key) => memo.has(key))) return;
  try {
    await hub.query(
      `INSERT INTO case_finding (case_id, subject_id, code)
       SELECT $1::uuid, f.subject_id, f.code FROM jsonb_to_recordset($2::jsonb) AS f(subject_id uuid, code varchar)
       ON CONFLICT ON CONSTRAINT case_finding_once DO NOTHING`,
      [caseId, JSON.stringify(rows.map((row) => ({ subject_id: row.subjectId, code: row.code })))],
    );
    for (const key of keys) {
      memo.delete(key);
      memo.set(key, true);
    }
    while (memo.size > REMEMBERED) memo.delete(memo.keys().next().value as string);
  } catch (error) {
    logger.warn('case_findings_not_recorded', { caseId, error: (error as Error).name, code: (error as { code?: string }).code });
  }
}
