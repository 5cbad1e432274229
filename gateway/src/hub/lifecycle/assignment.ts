import type { EntityManager } from 'typeorm';
import { CaseAssignment } from '../entities/case-assignment.entity';
import type { Case } from '../entities/case.entity';
import { Problems } from '../validation/problems';

export interface AssignmentInput {
  caseId: string;
  /** Null: unassign. */
  assigneeId: string | null;
  rationale?: string | null;
}

/** A user id as a token's subject gives it: 1 to 200 printable characters, no spaces. */
const USER_ID = /^[\x21-\x7E]{1,200}$/;

/** Checks an assignment before anything is read; returns it trimmed, or throws BAD_USER_INPUT. */
export function checkAssignment(input: AssignmentInput): AssignmentInput {
  const problems = new Problems();
  if (input.assigneeId !== null && input.assigneeId !== undefined && !USER_ID.test(input.assigneeId)) {
    problems.add('assigneeId', "is a user id (1 to 200 characters, no spaces), as the token's subject gives it; leave it out (null) to unassign");
  }
  problems.text('rationale', input.rationale, { max: 1000, label: 'Rationale' });
  problems.throwIfAny('assignment');
  return { caseId: input.caseId, assigneeId: input.assigneeId || null, rationale: input.rationale?.trim() || null };
}

/** Assigns a locked case and keeps the change; returns the access-log detail (ids only, never the rationale). */
export async function applyAssignment(manager: EntityManager, record: Case, input: AssignmentInput, userId: string, now: Date): Promise<string> {
  const previous = record.assigneeId;
  const { assigneeId } = input;
  if (previous === assigneeId) {
    const problems = new Problems();
    problems.add('assigneeId', assigneeId ? `case ${record.reference} is already assigned to ${assigneeId}` : `nobody is assigned to case ${record.reference}`);
    problems.throwIfAny('assignment');
  }
  const saved = await manager.save(
    manager.create(CaseAssignment, { caseId: record.id, assigneeId, previousAssigneeId: previous, rationale: input.rationale ?? null, assignedBy: userId, assignedAt: now }),
  );
  record.assigneeId = assigneeId;
  record.assignedAt = assigneeId ? now : null;
  return `assignee=${assigneeId ?? 'none'} previous=${previous ?? 'none'} assignment=${saved.id}`;
}
