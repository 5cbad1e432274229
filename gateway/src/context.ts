import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from './auth/user';
import type { CaseRegister } from './hub/case-register';
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
}
