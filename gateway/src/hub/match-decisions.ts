import type { MatchDecision as GrantMatchDecision } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit';
import { AuditDecision, AuditKind } from '../audit/audit-entry.entity';
import { badInput } from '../errors/bad-input';
import { entityRead } from './entity-reader';
import { Case } from './entities/case.entity';
import { CaseStatus } from './entities/enums';
import { Subject } from './entities/subject.entity';
import { Problems } from './validation/problems';
import { AgencyValue, MatchDecision, MatchDecisionKind } from './entities/match-decision.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MatchDecisionInput {
  subjectId: string;
  agency: AgencyValue;
  recordId: string;
  rationale: string;
}

/**
 * Records a triage officer's confirmation or rejection of an agency record for a subject, with
 * its access-log entry in the same transaction (nothing decided unrecorded). The subject's case
 * must be open.
 */
export async function recordMatchDecision(
  hub: DataSource,
  input: MatchDecisionInput,
  decision: MatchDecisionKind,
  actor: { userId: string; requestId?: string },
  now = new Date(),
): Promise<MatchDecision> {
  const problems = new Problems();
  if (!UUID.test(input.subjectId ?? '')) problems.add('subjectId', `"${String(input.subjectId).slice(0, 40)}" is not a subject id`);
  problems.text('recordId', input.recordId, { required: true, max: 64, label: 'The agency record id' });
  problems.text('rationale', input.rationale, { required: true, max: 2000, label: 'The rationale' });
  problems.throwIfAny(decision === MatchDecisionKind.CONFIRMED ? 'match confirmation' : 'match rejection');
  return hub.transaction(async (manager) => {
    const subject = await manager.findOne(Subject, { where: { id: input.subjectId } });
    if (!subject) throw badInput('subjectId', `no subject with id ${input.subjectId}`);
    const record = await manager.findOne(Case, { where: { id: subject.caseId } });
    if (!record || record.status === CaseStatus.CLOSED) throw badInput('subjectId', `the subject's case ${record?.reference ?? ''} is closed`.trim());
    const saved = await manager.save(
      manager.create(MatchDecision, {
        subjectId: subject.id, caseId: subject.caseId, agency: input.agency, recordId: input.recordId.trim(), decision,
        rationale: input.rationale.trim(), decidedBy: actor.userId, decidedAt: now,
      }),
    );
    await AuditLog.for(hub).append(
      {
        kind: AuditKind.CASE_MUTATION, decision: AuditDecision.RECORDED, actorId: actor.userId, caseId: subject.caseId, subjectIds: [subject.id],
        agency: input.agency, rule: decision === MatchDecisionKind.CONFIRMED ? 'CONFIRM_MATCH' : 'REJECT_MATCH',
        reason: `record ${saved.recordId} at ${input.agency}`, requestId: actor.requestId ?? null,
      },
      manager,
    );
    return saved;
  });
}

/** On every agency fetch's path: read without the query builder (entity-reader.ts). */
const DECISIONS_OF_SUBJECTS = entityRead(MatchDecision, 'subject_id = ANY($1::uuid[])', 'decided_at ASC');

/**
 * The decisions in force, per subject and agency: what the enforcement point puts in each grant.
 * The latest confirmation stands unless its record was rejected after it; every rejection stands.
 */
export async function decisionsOfSubjects(hub: DataSource, subjectIds: readonly string[]): Promise<Map<string, Map<string, GrantMatchDecision>>> {
  const ids = [...new Set(subjectIds.filter((id) => UUID.test(id)))];
  const found = new Map<string, Map<string, GrantMatchDecision>>();
  if (ids.length === 0) return found;
  const rows = await DECISIONS_OF_SUBJECTS(hub, [ids]);
  for (const row of rows) {
    const byAgency = found.get(row.subjectId) ?? new Map<string, GrantMatchDecision>();
    found.set(row.subjectId, byAgency);
    const current = byAgency.get(row.agency) ?? {};
    const rejected = new Set(current.rejected ?? []);
    let confirmed = current.confirmed;
    if (row.decision === MatchDecisionKind.CONFIRMED) {
      confirmed = row.recordId;
      rejected.delete(row.recordId);
    } else {
      rejected.add(row.recordId);
      if (confirmed === row.recordId) confirmed = undefined;
    }
    byAgency.set(row.agency, { ...(confirmed ? { confirmed } : {}), ...(rejected.size > 0 ? { rejected: [...rejected] } : {}) });
  }
  return found;
}
