import { DEFAULT_POLICY, decideFetch, decideWithoutPolicy, validatePolicy, type AgencyName, type CaseFacts, type FetchInput } from '..';

const NOW = new Date('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;

function input(overrides: { roles?: string[]; agency?: AgencyName; purpose?: string; case?: Partial<CaseFacts> } = {}): FetchInput {
  return {
    user: { id: 'user-1', roles: overrides.roles ?? ['mash-triage'] },
    agency: overrides.agency ?? 'health',
    purpose: overrides.purpose ?? 'MASH_TRIAGE',
    case: { id: 'case-1', kind: 'REFERRAL', rag: 'RED', status: 'OPEN', closedAt: null, consentEarlyHelpSharing: false, ratingState: 'CONFIRMED', ...overrides.case },
    now: NOW,
  };
}

const decide = (overrides: Parameters<typeof input>[0] = {}) => decideFetch(DEFAULT_POLICY, input(overrides));

describe('decideFetch under the default policy', () => {
  it.each([
    ['mash-triage', 'RED'],
    ['mash-triage', 'AMBER'],
    ['mash-manager', 'RED'],
    ['mash-manager', 'AMBER'],
  ] as const)('allows %s on an open %s case, with the lawful basis', (role, rag) => {
    const decision = decide({ roles: [role], case: { rag } });
    expect(decision).toEqual({
      allowed: true,
      rule: 'triage-open-red-amber',
      reason: 'Triage roles may see health data for an open case rated RED or AMBER, for MASH_TRIAGE (rule triage-open-red-amber).',
      policyVersion: '2026-11-01.5',
      // No early-help consent on this case.
      obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'],
      lawfulBasis: 'UK GDPR Art 6(1)(e), Art 9(2)(g); DPA 2018 Sch 1 para 18',
    });
  });

  it.each(['police', 'social-care', 'health', 'education'] as const)('never opens %s data for an information request, even rated RED and confirmed by a manager', (agency) => {
    for (const roles of [['mash-triage'], ['mash-manager']]) {
      const decision = decide({ agency, roles, case: { kind: 'INFORMATION_REQUEST', rag: 'RED', ratingState: 'CONFIRMED' } });
      expect(decision).toMatchObject({ allowed: false, rule: 'information-request-no-agency-data', lawfulBasis: null, obligations: [] });
      expect(decision.reason).toMatch(/request for information, answered from the hub's own record/);
    }
    // The same case as a referral is shared: the kind alone decides.
    expect(decide({ agency, case: { kind: 'REFERRAL', rag: 'RED' } }).allowed).toBe(true);
  });

  it('denies a case whose kind it does not know (fail closed)', () => {
    expect(decide({ case: { kind: undefined as never } })).toMatchObject({ allowed: false, rule: 'information-request-no-agency-data' });
  });

  it('denies GREEN cases with a plain reason', () => {
    expect(decide({ case: { rag: 'GREEN' } })).toMatchObject({
      allowed: false,
      rule: 'green-no-agency-data',
      reason: 'Agency data is shared only for cases rated RED or AMBER; this case is rated GREEN (rule green-no-agency-data).',
      obligations: [],
      lawfulBasis: null,
    });
  });

  it('denies a case with no rating yet', () => {
    const decision = decide({ roles: ['mash-manager'], case: { rag: null } });
    expect(decision.allowed).toBe(false);
    expect(decision.rule).toBe('unrated-no-agency-data');
    expect(decision.reason).toMatch(/^This case has no RAG rating yet; .* \(rule unrated-no-agency-data\)\.$/);
  });

  it.each(['governance', 'agency-admin'])('never lets %s see content, even alongside a triage role', (role) => {
    for (const roles of [[role], [role, 'mash-manager']]) {
      const decision = decide({ roles, agency: 'police' });
      expect(decision).toMatchObject({ allowed: false, rule: 'governance-and-admin-no-content' });
      expect(decision.reason).toMatch(new RegExp(`^Your role ${role} may not see agency content`));
    }
  });

  it('denies a role that does not triage, naming it', () => {
    expect(decide({ roles: ['mash-x'] })).toMatchObject({
      allowed: false,
      rule: 'role-not-triage',
      reason: 'Your role mash-x may not see agency content; only mash-triage and mash-manager may, for triage (rule role-not-triage).',
    });
  });

  it('allows a closed case within the window and denies it after', () => {
    const closedAgo = (hours: number) => ({ status: 'CLOSED' as const, closedAt: new Date(NOW.getTime() - hours * HOUR) });
    expect(decide({ case: closedAgo(71) })).toMatchObject({ allowed: true, rule: 'triage-closed-within-window' });
    expect(decide({ case: closedAgo(72) })).toMatchObject({ allowed: true, rule: 'triage-closed-within-window' });
    const late = decide({ case: closedAgo(73) });
    expect(late).toMatchObject({ allowed: false, rule: 'closed-case-no-agency-data' });
    expect(late.reason).toContain('closed more than 72 hours ago');
    // A closed case with no closing time cannot prove it is inside the window.
    expect(decide({ case: { status: 'CLOSED', closedAt: null } }).allowed).toBe(false);
  });

  it.each(['police', 'social-care', 'health', 'education'] as const)(
    'tells %s to omit standard-risk DA items unless early-help consent is recorded',
    (agency) => {
      // Education holds Operation Encompass notifications: police DA information (issue 9 finding 3).
      expect(decide({ agency })).toMatchObject({ allowed: true, obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] });
      expect(decide({ agency, case: { consentEarlyHelpSharing: true } }).obligations).toEqual([]);
    },
  );

  it('keeps loading and applying a stored version that sent the obligation to police only', () => {
    const stored = structuredClone(DEFAULT_POLICY) as unknown as { version: string; rules: { obligations?: { agencies: string[] }[] }[] };
    stored.version = '2026-11-01.1';
    for (const rule of stored.rules) for (const item of rule.obligations ?? []) item.agencies = ['police'];
    const validated = validatePolicy(stored);
    if (!validated.ok) throw new Error(validated.errors.join('; '));
    expect(decideFetch(validated.policy, input({ agency: 'police' }))).toMatchObject({ allowed: true, lawfulBasis: 'DPA 2018 Part 3, Sch 8 para 4', obligations: ['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'] });
    expect(decideFetch(validated.policy, input({ agency: 'education' })).obligations).toEqual([]);
  });

  it('denies a purpose the ISA does not name', () => {
    expect(decide({ purpose: 'MARKETING' })).toMatchObject({
      allowed: false,
      rule: 'purpose-not-allowed',
      reason: 'Agency data is fetched only for MASH_TRIAGE; "MARKETING" is not a purpose this ISA allows (rule purpose-not-allowed).',
    });
  });

  it('denies by default when no rule matches', () => {
    const policy = { ...DEFAULT_POLICY, rules: DEFAULT_POLICY.rules.filter((rule) => rule.id !== 'role-not-triage') };
    const decision = decideFetch(policy, input({ roles: [] }));
    expect(decision).toMatchObject({ allowed: false, rule: 'default-deny' });
    expect(decision.reason).toBe(
      'No rule of ISA policy 2026-11-01.5 lets a user with no hub role see health data for a RED open case for MASH_TRIAGE, ' +
        'and what the ISA does not allow is refused (rule default-deny).',
    );
  });

  it('denies an ALLOW match for an agency with no lawful basis', () => {
    const policy = { ...DEFAULT_POLICY, lawfulBases: { police: 'DPA 2018 Part 3, Sch 8 para 4' } };
    expect(decideFetch(policy, input({ agency: 'health' }))).toMatchObject({ allowed: false, rule: 'no-lawful-basis' });
  });

  it.each(['RED', 'AMBER'] as const)('denies a %s case whose rating awaits a second person, saying what to do', (rag) => {
    const decision = decide({ case: { rag, ratingState: 'AWAITING_CONFIRMATION' } });
    expect(decision).toMatchObject({ allowed: false, rule: 'rating-unconfirmed', obligations: [], lawfulBasis: null });
    expect(decision.reason).toBe(
      `This case's ${rag} rating is awaiting confirmation by a second person (not whoever rated it or recorded the referral), ` +
        'so agency data is not shared yet; ask a colleague or a manager to confirm the rating (rule rating-unconfirmed).',
    );
  });

  it('shares under an urgent rating awaiting review, and stops once it is overturned', () => {
    expect(decide({ case: { ratingState: 'URGENT_AWAITING_REVIEW' } })).toMatchObject({ allowed: true, rule: 'triage-open-red-amber' });
    const overturned = decide({ case: { ratingState: 'OVERTURNED' } });
    expect(overturned).toMatchObject({ allowed: false, rule: 'rating-overturned' });
    expect(overturned.reason).toMatch(/^A manager overturned this case's RED rating/);
  });

  it('treats a rating state the policy does not expect as unconfirmed (fail closed)', () => {
    expect(decide({ case: { ratingState: null } })).toMatchObject({ allowed: false, rule: 'rating-unconfirmed' });
    expect(decide({ case: { ratingState: 'NOT_NEEDED' } })).toMatchObject({ allowed: false, rule: 'rating-unconfirmed' });
  });

  it('keeps a DENY rule\'s reason ahead of the rating check', () => {
    const closedLongAgo = { status: 'CLOSED' as const, closedAt: new Date(NOW.getTime() - 100 * HOUR), ratingState: 'AWAITING_CONFIRMATION' as const };
    expect(decide({ roles: ['mash-triage'], case: closedLongAgo }).rule).toBe('closed-case-no-agency-data');
    expect(decide({ roles: ['governance'], case: { ratingState: 'AWAITING_CONFIRMATION' } }).rule).toBe('governance-and-admin-no-content');
  });

  it('denies everything when no valid policy is active', () => {
    expect(decideWithoutPolicy()).toMatchObject({ allowed: false, rule: 'no-active-policy', policyVersion: 'none' });
  });
});
