import { DEFAULT_POLICY, decideOnwardFetch, ONWARD_FIELDS, validatePolicy, type IncidentChildFacts, type OnwardFetchInput, type PolicyDocument } from '..';

const NOW = new Date('2026-11-30T22:00:00Z');
const SCHOOL = [...ONWARD_FIELDS.OPERATION_ENCOMPASS.fields];
const child = (overrides: Partial<IncidentChildFacts> = {}): IncidentChildFacts => ({
  notificationId: 'da-1', childrenPresent: true, status: 'SCREENED', screenedBy: 'screener-1', claimedBy: null, claimedAt: null, ...overrides,
});
const input = (overrides: Partial<OnwardFetchInput> = {}): OnwardFetchInput => ({
  user: { id: 'screener-1', roles: ['mash-triage'] },
  agency: 'education',
  purpose: 'OPERATION_ENCOMPASS',
  fields: SCHOOL,
  child: child(),
  policy: DEFAULT_POLICY,
  defaults: { operationEncompass: true, gpOnDomesticAbuse: false },
  claimMinutes: 2,
  now: NOW,
  ...overrides,
});
const withNotifications = (gpOnDomesticAbuse: boolean): PolicyDocument => ({ ...DEFAULT_POLICY, notifications: { operationEncompass: true, gpOnDomesticAbuse } });

describe('decideOnwardFetch: the built-in rule for OPERATION_ENCOMPASS and GP_NOTIFICATION', () => {
  it("allows the screener to ask education for the school's URN, name and DSL contact", () => {
    expect(decideOnwardFetch(input())).toMatchObject({ allowed: true, rule: 'operation-encompass-recipient', policyVersion: DEFAULT_POLICY.version });
  });

  it('allows whoever holds the screening claim while screening, and a manager retrying, but no other user', () => {
    const screening = child({ status: 'WAITING', screenedBy: null, claimedBy: 'screener-1', claimedAt: new Date(NOW.getTime() - 60_000) });
    expect(decideOnwardFetch(input({ child: screening })).allowed).toBe(true);
    expect(decideOnwardFetch(input({ child: { ...screening, claimedAt: new Date(NOW.getTime() - 10 * 60_000) } })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ user: { id: 'manager-1', roles: ['mash-manager'] } })).allowed).toBe(true);
    expect(decideOnwardFetch(input({ user: { id: 'manager-1', roles: ['mash-manager'] }, child: screening })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ user: { id: 'other', roles: ['mash-triage'] } })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ user: { id: 'screener-1', roles: ['governance'] } })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ user: null })).allowed).toBe(false);
  });

  it.each([
    ['attendance', ['education.status', 'education.matches.record.attendanceThisYear.sessionsPossible']],
    ['flags', ['education.status', 'education.flags.code']],
    ['the UPN', [...SCHOOL, 'education.matches.record.upn']],
    ['nothing', []],
  ])('denies a fetch asking for %s', (_what, fields) => {
    expect(decideOnwardFetch(input({ fields }))).toMatchObject({ allowed: false, rule: 'onward-purpose-denied' });
  });

  it("denies a case's subject, a notification without children present, another agency, another purpose, and no policy", () => {
    expect(decideOnwardFetch(input({ child: null })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ child: child({ childrenPresent: false }) })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ agency: 'police' })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ purpose: 'MASH_TRIAGE' })).allowed).toBe(false);
    expect(decideOnwardFetch(input({ policy: null })).allowed).toBe(false);
  });

  it("asks health for the GP practice only when the agreement turns GP notifications on", () => {
    const gp = input({ purpose: 'GP_NOTIFICATION', agency: 'health', fields: [...ONWARD_FIELDS.GP_NOTIFICATION.fields] });
    expect(decideOnwardFetch(gp)).toMatchObject({ allowed: false, rule: 'onward-purpose-denied' });
    expect(decideOnwardFetch({ ...gp, policy: withNotifications(true) })).toMatchObject({ allowed: true, rule: 'gp-notification-recipient' });
    expect(decideOnwardFetch({ ...gp, policy: withNotifications(true), fields: ['health.status', 'health.matches.record.nhsNumber'] }).allowed).toBe(false);
    expect(decideOnwardFetch({ ...input(), policy: { ...DEFAULT_POLICY, notifications: { operationEncompass: false, gpOnDomesticAbuse: true } } }).allowed).toBe(false);
  });

  it('cannot be widened by a policy version: its purposes and rule ids are reserved', () => {
    const doc = structuredClone(DEFAULT_POLICY) as PolicyDocument;
    doc.version = 'widened';
    doc.purposes = [...doc.purposes, 'OPERATION_ENCOMPASS'];
    doc.rules[0] = { ...doc.rules[0], id: 'operation-encompass-recipient' };
    const result = validatePolicy(doc);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual(expect.arrayContaining([
      expect.stringContaining('"OPERATION_ENCOMPASS" is reserved'),
      expect.stringContaining('"operation-encompass-recipient" is reserved'),
    ]));
  });
});
