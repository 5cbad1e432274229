import { DEFAULT_POLICY, type CaseRegisterAccess } from '../../../policy';
import { identityAccess } from '../identity-access';

const NOW = new Date('2026-12-01T10:00:00Z');
const withReview: CaseRegisterAccess = {
  ...DEFAULT_POLICY.caseRegister,
  namedReviews: [{ id: 'spr-1', description: 'Practice review', roles: ['governance'], caseReferences: ['MASH-2026-000001'], until: '2026-12-01' }],
};

describe('identityAccess', () => {
  it('names identities for triage and managers, pseudonymises for governance by default', () => {
    expect(identityAccess(DEFAULT_POLICY.caseRegister, ['mash-triage'], 'MASH-2026-000001', NOW)).toEqual({ named: true, rule: 'case-register-named' });
    expect(identityAccess(DEFAULT_POLICY.caseRegister, ['governance'], 'MASH-2026-000001', NOW)).toEqual({ named: false, rule: 'case-register-pseudonymised' });
  });

  it('names identities in a named review\'s cases, for its roles, until its last day', () => {
    expect(identityAccess(withReview, ['governance'], 'MASH-2026-000001', NOW)).toEqual({ named: true, rule: 'named-review:spr-1' });
    expect(identityAccess(withReview, ['governance'], 'MASH-2026-000002', NOW).named).toBe(false);
    expect(identityAccess(withReview, ['agency-admin'], 'MASH-2026-000001', NOW).named).toBe(false);
    expect(identityAccess(withReview, ['governance'], 'MASH-2026-000001', new Date('2026-12-02T00:00:01Z')).named).toBe(false);
    expect(identityAccess(withReview, ['governance'], null, NOW).named).toBe(false);
  });
});
