import 'reflect-metadata';
import { openTestDatabase, type Database } from '@mash/shared';
import { hubEntities, hubMigrations } from '../../gateway/src/hub/data-source';
import { hubServices } from '../../gateway/src/hub/governance';
import type { Actor, CaseRegister } from '../../gateway/src/hub/case-register';
import { HouseholdRole, Pathway, ConsentStatus, type Rag } from '../../gateway/src/hub/entities/enums';
import type { ReferralInput, SubjectInput } from '../../gateway/src/hub/inputs/referral.input';
import { DEFAULT_POLICY, type PolicyDocument, type PolicyStore } from '../../gateway/src/policy';

export const TRIAGE: Actor = { userId: 'triage-1', roles: ['mash-triage'] };
export const TRIAGE_2: Actor = { userId: 'triage-2', roles: ['mash-triage'] };
export const MANAGER: Actor = { userId: 'manager-1', roles: ['mash-manager'] };

export interface TestHub {
  db: Database;
  cases: CaseRegister;
  policies: PolicyStore;
  /** The CASE_MUTATION entries of a case, oldest first: the rule (action) and the detail. */
  mutations(caseId: string): Promise<{ rule: string; reason: string; actor_id: string }[]>;
  /** Installs the default policy changed by `change` as a new active version. */
  usePolicy(version: string, change: (policy: PolicyDocument) => void): Promise<void>;
  close(): Promise<void>;
}

/** The hub alone on a real database with its migrations, its services wired to the access log as in the gateway. */
export async function openHub(name: string): Promise<TestHub> {
  const db = await openTestDatabase({ service: name, entities: hubEntities, migrations: hubMigrations });
  const { cases, policies } = hubServices(db.dataSource);
  await policies.ensureDefault('test');
  return {
    db,
    cases,
    policies,
    mutations: (caseId) =>
      db.dataSource.query(`SELECT rule, reason, actor_id FROM audit_log WHERE case_id = $1 AND kind = 'CASE_MUTATION' ORDER BY seq`, [caseId]),
    async usePolicy(version, change) {
      const policy = structuredClone(DEFAULT_POLICY);
      policy.version = version;
      change(policy);
      // Maker-checker: a proposer and two other governance users (enough for a widening change too).
      await policies.proposeAndActivate(policy, 'test policy', { proposer: 'gov-1', checkers: ['gov-2', 'gov-3'] });
    },
    close: () => db.close(),
  };
}

let serial = 0;

/** A child (and, if asked, a parent) with made-up details; `familyName` varies per call unless given. */
export function child(overrides: Partial<SubjectInput> = {}): SubjectInput {
  serial += 1;
  return { householdRole: HouseholdRole.CHILD, givenName: 'Amy', familyName: `Testcase${serial}`, dateOfBirth: '2015-03-04', postcode: 'CV34 4RL', ...overrides };
}

export function referral(overrides: Partial<ReferralInput> = {}, rag: Rag | null = null): ReferralInput {
  return {
    referrerName: 'Designated Safeguarding Lead',
    referrerOrganisation: 'A school',
    referralSource: '2A',
    concern: 'Made-up concern for a test',
    pathway: Pathway.CHILDREN,
    consentStatus: ConsentStatus.NOT_SOUGHT,
    consentEarlyHelpSharing: false,
    rag,
    ragRationale: rag ? 'Test rating' : null,
    subjects: [child()],
    ...overrides,
  };
}

/** The GraphQL error a promise rejects with: its code and the field it names. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; field: string; message: string; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    const extensions = (error as { extensions?: { code?: string; field?: string; problems?: { field: string }[] } }).extensions ?? {};
    return {
      code: extensions.code ?? 'none',
      field: extensions.field ?? 'none',
      message: (error as Error).message,
      fields: extensions.problems?.map((problem) => problem.field) ?? (extensions.field ? [extensions.field] : []),
    };
  }
  throw new Error('expected a refusal');
}
