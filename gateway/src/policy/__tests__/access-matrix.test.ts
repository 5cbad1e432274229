import { HUB_ROLES } from '../../auth/user';
import { DEFAULT_POLICY, POLICY_AGENCIES, accessMatrix, type PolicyDocument } from '..';

describe('accessMatrix', () => {
  const rows = accessMatrix(DEFAULT_POLICY);

  it('has one row per role, agency and RAG', () => {
    expect(rows).toHaveLength(HUB_ROLES.length * POLICY_AGENCIES.length * 3);
    expect(new Set(rows.map((row) => `${row.role}/${row.agency}/${row.rag}`)).size).toBe(rows.length);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['agency', 'allowed', 'lawfulBasis', 'obligations', 'rag', 'reason', 'role', 'rule']);
    }
  });

  it('shows the default policy: triage roles at RED and AMBER only, under each lawful basis', () => {
    const allowed = rows.filter((row) => row.allowed);
    expect(allowed).toHaveLength(2 * 4 * 2);
    for (const row of allowed) {
      expect(['mash-triage', 'mash-manager']).toContain(row.role);
      expect(['RED', 'AMBER']).toContain(row.rag);
      expect(row.lawfulBasis).toBe(DEFAULT_POLICY.lawfulBases[row.agency]);
    }
    expect(rows.find((row) => row.role === 'mash-triage' && row.agency === 'police' && row.rag === 'RED')).toMatchObject({
      rule: 'triage-open-red-amber',
      obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'],
    });
    // Every agency that may hold DA-derived items (education's Operation Encompass among them).
    expect(allowed.every((row) => row.obligations.includes('OMIT_STANDARD_RISK_DOMESTIC_ABUSE'))).toBe(true);
    expect(rows.filter((row) => row.rag === 'GREEN').every((row) => !row.allowed && row.lawfulBasis === null)).toBe(true);
    expect(rows.filter((row) => row.role === 'governance').every((row) => row.rule === 'governance-and-admin-no-content')).toBe(true);
  });

  it('follows the policy it is given', () => {
    const policy: PolicyDocument = structuredClone(DEFAULT_POLICY);
    policy.rules = policy.rules.filter((rule) => rule.id !== 'green-no-agency-data');
    policy.rules[2].rag = ['RED', 'AMBER', 'GREEN'];
    const green = accessMatrix(policy).filter((row) => row.rag === 'GREEN' && row.role === 'mash-triage');
    expect(green.every((row) => row.allowed)).toBe(true);
  });

  it('denies every cell when no valid policy is active', () => {
    const none = accessMatrix(null);
    expect(none).toHaveLength(rows.length);
    expect(none.every((row) => !row.allowed && row.rule === 'no-active-policy')).toBe(true);
  });
});
