import type { CaseRegisterAccess } from '../../policy';

/** Whether a reader sees identities in a case, and the case-register rule that says so. */
export interface IdentityDecision {
  named: boolean;
  /** `case-register-named`, `named-review:<id>` or `case-register-pseudonymised` (the CASE_READ entry's rule). */
  rule: string;
}

/**
 * Identities (names, dates of birth, identifiers, the concern) are for the roles the ISA names
 * (default: triage and managers), or for a named review that covers this case today. Everyone
 * else reads cases pseudonymised. UK GDPR Art 5(1)(c): governance reviews who accessed what,
 * which needs references, not names.
 */
export function identityAccess(access: CaseRegisterAccess, roles: readonly string[], caseReference: string | null, now: Date): IdentityDecision {
  if (roles.some((role) => (access.namedRoles as string[]).includes(role))) return { named: true, rule: 'case-register-named' };
  const today = now.toISOString().slice(0, 10);
  const review = caseReference
    ? access.namedReviews.find(
        (candidate) => candidate.until >= today && candidate.caseReferences.includes(caseReference) && candidate.roles.some((role) => roles.includes(role)),
      )
    : undefined;
  return review ? { named: true, rule: `named-review:${review.id}` } : { named: false, rule: 'case-register-pseudonymised' };
}
