import type { DataSource } from 'typeorm';
import { AuditLog, type AuditEntryInput } from '../audit';
import { AuditDecision, AuditKind } from '../audit/audit-entry.entity';
import { PolicyStore, type PolicyChangeEvent } from '../policy';
import { CaseRegister } from './case-register';
import { hubClockOf } from './timescales';

/**
 * The hub's services wired to its access log: every case mutation and policy change is appended
 * in the same transaction as the change, so neither can happen unrecorded.
 */
export function hubServices(hub: DataSource): { audit: AuditLog; policies: PolicyStore; cases: CaseRegister } {
  const audit = AuditLog.for(hub);
  const policies = new PolicyStore({
    dataSource: hub,
    onChange: async (event, manager) => {
      await audit.append(policyChangeEntry(event), manager);
    },
  });
  const cases = new CaseRegister(hub, {
    clock: async () => hubClockOf(await policies.active()),
    ratingControl: async () => (await policies.active())?.ratingControl,
    onChange: async (change, manager) => {
      await audit.append(
        { kind: AuditKind.CASE_MUTATION, decision: AuditDecision.RECORDED, actorId: change.actorId, caseId: change.caseId, subjectIds: change.subjectIds, rule: change.action, reason: change.detail, requestId: change.requestId ?? null },
        manager,
      );
    },
  });
  return { audit, policies, cases };
}

/**
 * One POLICY_CHANGE entry per step of the ISA's maker-checker: RECORDED with the document's hash
 * as its rule, or DENIED with the refusal's rule id when the step was refused and nothing changed.
 * The reason starts with the step, so a reader sees who proposed, approved, activated or withdrew.
 */
export function policyChangeEntry(event: PolicyChangeEvent): AuditEntryInput {
  const base = { kind: AuditKind.POLICY_CHANGE, actorId: event.actorId, policyVersion: event.version };
  if (event.refusal) {
    return { ...base, decision: AuditDecision.DENIED, rule: event.refusal.rule, reason: `${event.kind} refused: ${event.refusal.message} Reason given: ${event.reason}` };
  }
  const details = [
    event.retiredVersion ? `retired ${event.retiredVersion}` : null,
    event.checkers ? `checked by ${event.checkers.join(', ') || 'nobody (first install)'}` : null,
    event.widening?.length ? `widening: ${event.widening.length} finding${event.widening.length === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return { ...base, decision: AuditDecision.RECORDED, rule: event.documentHash, reason: `${event.kind}: ${event.reason}${details.length ? ` (${details.join('; ')})` : ''}` };
}
