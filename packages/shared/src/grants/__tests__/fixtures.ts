import type { GrantClaims } from '../../grant-claims';
import { subjectDigests } from '../subject-digest';

/** The two people the police grant below covers, as the gateway's planner sends them. */
export const POLICE_REPRESENTATIONS = [
  { __typename: 'Subject', id: 'subject-1', givenName: 'Amira', familyName: 'Okafor', dateOfBirth: '2015-03-14', gender: 'FEMALE', postcode: 'CV34 4RL', nhsNumber: '9434765919', upn: null, pncId: null },
  { __typename: 'Subject', id: 'subject-2', givenName: 'Tobi', familyName: 'Okafor', dateOfBirth: '2017-06-02', gender: 'MALE', postcode: 'CV34 4RL', nhsNumber: null, upn: null, pncId: null },
];

/** A grant a triage officer's police fetch would carry. */
export const POLICE_GRANT: Omit<GrantClaims, 'grantId'> = {
  agency: 'police',
  caseId: 'case-1',
  subjectIds: ['subject-1', 'subject-2'],
  purpose: 'MASH_TRIAGE',
  policyVersion: '2024-01',
  userId: 'user-7',
  obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'],
  subjectDigests: subjectDigests(POLICE_REPRESENTATIONS),
};
