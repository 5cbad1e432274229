import type { Obligation } from '@mash/shared';
import { HUB_ROLES, type HubRole } from '../auth/user';
import { decideFetch, decideWithoutPolicy } from './decide';
import { POLICY_AGENCIES, RAGS, type AgencyName, type PolicyDocument, type Rag } from './policy-document';

/** Which role sees which agency's data at which RAG, under which lawful basis. */
export interface AccessMatrixEntry {
  role: HubRole;
  agency: AgencyName;
  rag: Rag;
  allowed: boolean;
  rule: string;
  reason: string;
  lawfulBasis: string | null;
  obligations: Obligation[];
}

// Any fixed instant: with the case open, no rule of the schema's vocabulary depends on the clock.
const EPOCH = new Date(0);

/**
 * Derives the matrix by asking the decision point itself, so it can never disagree with what is
 * enforced. Each cell is an open case whose rating is confirmed, the default (first) purpose, and a
 * user holding that one role; obligations are those that apply when no early-help consent is recorded.
 * `null` (no valid active policy) yields every cell denied.
 */
export function accessMatrix(policy: PolicyDocument | null): AccessMatrixEntry[] {
  const rows: AccessMatrixEntry[] = [];
  for (const role of HUB_ROLES) {
    for (const agency of POLICY_AGENCIES) {
      for (const rag of RAGS) {
        const decision = policy
          ? decideFetch(policy, {
              user: { id: 'access-matrix', roles: [role] },
              agency,
              purpose: policy.purposes[0],
              case: { id: 'access-matrix', kind: 'REFERRAL', rag, status: 'OPEN', closedAt: null, consentEarlyHelpSharing: false, ratingState: 'CONFIRMED' },
              now: EPOCH,
            })
          : decideWithoutPolicy();
        const { allowed, rule, reason, lawfulBasis, obligations } = decision;
        rows.push({ role, agency, rag, allowed, rule, reason, lawfulBasis, obligations });
      }
    }
  }
  return rows;
}
