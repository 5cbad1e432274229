import type { DataSource } from 'typeorm';
import type { CaseReads } from './audit/case-reads';
import type { AuthenticatedUser } from './auth/user';
import type { CaseRegister } from './hub/case-register';
import type { IdentityDecision } from './hub/privacy/identity-access';
import type { FederatedExecutor } from './notifications/federated-executor';
import type { AgencyOutcome } from './picture/answers';
import type { PolicyStore } from './policy';

/** What every hub resolver and the enforcement point receive for one GraphQL request. */
export interface GatewayContext {
  requestId: string;
  /** Null when the request carried no valid token; resolvers that need a user refuse it. */
  user: AuthenticatedUser | null;
  /** The hub's own database (cases, audit log, policy). */
  hub: DataSource;
  cases: CaseRegister;
  /** The versioned ISA policy. */
  policies: PolicyStore;
  /** This request's reads of the hub's case record, written as CASE_READ entries before it answers. */
  reads?: CaseReads;
  /** Per case: whether this reader sees identities (filled as the case is first read). */
  identities?: Map<string, IdentityDecision | Promise<IdentityDecision>>;
  /** Per agency and subject (`police:<subjectId>`): why an agency gave no answer in this request (the case picture's DENIED and UNAVAILABLE). */
  agencyOutcomes?: Map<string, AgencyOutcome>;
  /** People this request may still read (limit `maxSubjects`). */
  subjectAllowance?: { left: number; max: number };
  /**
   * Why agency data is fetched in this request: absent means MASH_TRIAGE (every HTTP request). Set
   * only by the hub's own executor, for an onward-notification look-up (OPERATION_ENCOMPASS,
   * GP_NOTIFICATION), which the enforcement point decides with its built-in rule.
   */
  purpose?: string;
  /** The gateway's own executor, to ask agencies something as a user (onward notifications find a child's school); absent outside a started gateway. */
  execute?: FederatedExecutor;
}
