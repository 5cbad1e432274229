import type { GrantClaims } from '../../grant-claims';

/** A grant a triage officer's police fetch would carry. */
export const POLICE_GRANT: Omit<GrantClaims, 'grantId'> = {
  agency: 'police',
  caseId: 'case-1',
  subjectIds: ['subject-1', 'subject-2'],
  purpose: 'MASH_TRIAGE',
  policyVersion: '2024-01',
  userId: 'user-7',
  obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'],
};
