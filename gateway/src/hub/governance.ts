import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit';
import { AuditDecision, AuditKind } from '../audit/audit-entry.entity';
import { PolicyStore } from '../policy';
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
      await audit.append(
        { kind: AuditKind.POLICY_CHANGE, decision: AuditDecision.RECORDED, actorId: event.actorId, policyVersion: event.version, reason: `${event.kind}: ${event.reason}`, rule: event.documentHash },
        manager,
      );
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
