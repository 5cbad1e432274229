import { BUILT_IN_RULES, DEFAULT_POLICY, decideFetch, releasedLevels, validatePolicy, type CaseFacts, type FetchInput, type PolicyDocument } from '..';

const NOW = new Date('2026-11-26T12:00:00Z');

/**
 * A version stripped of its own DENY rules with a catch-all ALLOW first, smuggled past validation
 * (as a stored or altered document could be): only the built-in guard rails stand between it and content.
 */
function openDocument(): PolicyDocument {
  const doc = structuredClone(DEFAULT_POLICY);
  doc.version = 'no-deny-rules';
  doc.rules = [
    { ...doc.rules.find((rule) => rule.id === 'triage-open-red-amber')!, id: 'everyone-everything', roles: ['*'], rag: ['*'], caseStatus: ['*'] },
  ];
  doc.classificationAccess = [{ id: 'everything', description: 'All', roles: ['*'], rag: ['*'], purposes: ['*'], agencies: ['*'], levels: ['BASIC_IDENTITY', 'POLICE_INTELLIGENCE'] }];
  return doc;
}

function input(roles: string[], facts: Partial<CaseFacts> = {}): FetchInput {
  return {
    user: { id: 'user-1', roles },
    agency: 'police',
    purpose: 'MASH_TRIAGE',
    case: { id: 'case-1', kind: 'REFERRAL', rag: 'RED', status: 'OPEN', closedAt: null, consentEarlyHelpSharing: true, ratingState: 'CONFIRMED', ...facts },
    now: NOW,
  };
}

describe('guard rails no policy version can switch off', () => {
  const open = openDocument();

  it('the stripped document would open everything but for them (the test can fail)', () => {
    expect(decideFetch(open, input(['mash-triage']))).toMatchObject({ allowed: true, rule: 'everyone-everything' });
    expect(decideFetch(open, input(['mash-triage'], { rag: 'GREEN' }))).toMatchObject({ allowed: true });
  });

  it.each([['governance'], ['agency-admin'], ['governance', 'mash-triage'], ['mash-manager', 'agency-admin']])('never gives agency content to roles %j', (...roles) => {
    const decision = decideFetch(open, input(roles));
    expect(decision).toMatchObject({ allowed: false, rule: BUILT_IN_RULES.neverContentRoles, obligations: [], lawfulBasis: null });
    expect(decision.reason).toMatch(/may not see agency content, whatever other roles you hold/);
    expect(decision.reason).toMatch(/\(rule never-content-roles\)\.$/);
    // A version's own DENY rule keeps its id and words; the guard rail stands behind it.
    expect(decideFetch(DEFAULT_POLICY, input(roles))).toMatchObject({ allowed: false, rule: 'governance-and-admin-no-content' });
  });

  it('never shares an unrated case, whoever asks', () => {
    for (const roles of [['mash-triage'], ['mash-manager']]) {
      const decision = decideFetch(open, input(roles, { rag: null, ratingState: null }));
      expect(decision).toMatchObject({ allowed: false, rule: BUILT_IN_RULES.unratedNeverShared });
      expect(decision.reason).toBe('This case has no RAG rating yet; agency data is shared only once it is rated, so rate the case first (rule unrated-never-shared).');
      expect(decideFetch(DEFAULT_POLICY, input(roles, { rag: null, ratingState: null }))).toMatchObject({ allowed: false, rule: 'unrated-no-agency-data' });
    }
  });

  it('validation refuses such a document, and documents may not reuse the built-in ids', () => {
    const result = validatePolicy(open);
    expect(result.ok).toBe(false);
    const reuse = structuredClone(DEFAULT_POLICY);
    reuse.rules[0].id = 'never-content-roles';
    reuse.rules[1].id = 'unrated-never-shared';
    expect(validatePolicy(reuse)).toEqual({
      ok: false,
      errors: ['/rules/0/id "never-content-roles" is reserved for the decision point', '/rules/1/id "unrated-never-shared" is reserved for the decision point'],
    });
  });

  it('classification never releases RESTRICTED, even if a stored entry names it', () => {
    const doc = openDocument();
    doc.classificationAccess[0].levels.push('RESTRICTED');
    expect(releasedLevels(doc, { roles: ['mash-triage'], rag: 'RED', purpose: 'MASH_TRIAGE', agency: 'police' }).levels).toEqual(['BASIC_IDENTITY', 'POLICE_INTELLIGENCE']);
  });
});
