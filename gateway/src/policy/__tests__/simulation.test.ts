import type { DecisionFacts } from '../../audit/chain';
import { DEFAULT_POLICY, SimulationTally, notReEvaluable, simulationPeriod, type LoggedDecision, type PolicyDocument } from '..';

const AT = new Date('2026-11-10T10:00:00Z');
const FOUR = ['BASIC_IDENTITY', 'SAFEGUARDING_STATUS', 'HEALTH_SPECIAL', 'CRIMINAL_OFFENCE'];
const FIVE = [...FOUR, 'POLICE_INTELLIGENCE'];

/**
 * A draft that stops AMBER reaching health, opens GREEN to managers, gives police intelligence
 * to AMBER from police, takes offence summaries from AMBER social care, and halves the window.
 */
function draft(): PolicyDocument {
  const policy = structuredClone(DEFAULT_POLICY);
  policy.version = '2026-12-01.1';
  policy.closedCaseWindowHours = 48;
  const at = policy.rules.findIndex((rule) => rule.id === 'green-no-agency-data');
  policy.rules.splice(at, 0,
    { id: 'amber-not-health', description: 'No health data for AMBER', effect: 'DENY', agencies: ['health'], roles: ['*'], rag: ['AMBER'], caseStatus: ['*'], purposes: ['*'] },
    { id: 'manager-green', description: 'Managers see {agency} data for GREEN', effect: 'ALLOW', agencies: ['*'], roles: ['mash-manager'], rag: ['GREEN'], caseStatus: ['OPEN'], purposes: ['MASH_TRIAGE'] },
  );
  policy.classificationAccess = [
    policy.classificationAccess.find((entry) => entry.id === 'triage-red-research')!,
    { id: 'amber-police', description: 'AMBER police', roles: ['mash-triage', 'mash-manager'], rag: ['AMBER'], purposes: ['MASH_TRIAGE'], agencies: ['police'], levels: FIVE as never },
    { id: 'amber-social-care', description: 'AMBER social care', roles: ['mash-triage', 'mash-manager'], rag: ['AMBER'], purposes: ['MASH_TRIAGE'], agencies: ['social-care'], levels: FOUR.slice(0, 3) as never },
    { id: 'amber-others', description: 'AMBER others', roles: ['mash-triage', 'mash-manager'], rag: ['AMBER'], purposes: ['MASH_TRIAGE'], agencies: ['health', 'education'], levels: FOUR as never },
    { id: 'green-manager', description: 'GREEN manager', roles: ['mash-manager'], rag: ['GREEN'], purposes: ['MASH_TRIAGE'], agencies: ['*'], levels: ['BASIC_IDENTITY'] },
  ];
  return policy;
}

let seq = 0;
function entry(overrides: Partial<LoggedDecision> & { rag?: 'RED' | 'AMBER' | 'GREEN'; released?: string[]; closedAt?: string | null; ratingState?: string } = {}): LoggedDecision {
  const { rag = 'RED', released, closedAt = null, ratingState = rag === 'GREEN' ? 'NOT_NEEDED' : 'CONFIRMED', ...rest } = overrides;
  seq += 1;
  const facts: DecisionFacts = {
    purpose: 'MASH_TRIAGE',
    case: { kind: 'REFERRAL', rag, status: closedAt ? 'CLOSED' : 'OPEN', closedAt, consentEarlyHelpSharing: false, ratingState },
    ...(released ? { released } : {}),
  };
  return {
    seq: String(seq), id: `entry-${seq}`, recordedAt: AT, actorId: 'triage-1', actorRoles: ['mash-triage'], caseId: `case-${rag}`, agency: 'police',
    decision: 'ALLOWED', rule: 'triage-open-red-amber', policyVersion: '2026-11-01.5', reason: 'allowed', facts, ...rest,
  };
}

describe('SimulationTally', () => {
  const entries: LoggedDecision[] = [
    entry({ released: FIVE }), // RED police: unchanged, levels compared
    entry({ rag: 'AMBER', agency: 'health', released: FOUR }), // AMBER health: now denied
    entry({ rag: 'AMBER', agency: 'health', actorId: 'manager-1', actorRoles: ['mash-manager'], released: FOUR }), // the same, a manager
    entry({ rag: 'GREEN', decision: 'DENIED', rule: 'green-no-agency-data', actorId: 'manager-1', actorRoles: ['mash-manager'] }), // now allowed
    entry({ rag: 'GREEN', decision: 'DENIED', rule: 'green-no-agency-data' }), // triage: still denied
    entry({ rag: 'AMBER', agency: 'police', released: FOUR }), // police intelligence added: widened
    entry({ rag: 'AMBER', agency: 'social-care', released: FOUR }), // offence summaries gone: narrowed
    entry({ rag: 'AMBER', agency: 'education' }), // allowed, no levels recorded: unchanged, not compared
    entry({ rag: 'RED', closedAt: new Date(AT.getTime() - 60 * 3_600_000).toISOString(), rule: 'triage-closed-within-window', released: FIVE }), // 60 h: outside 48
    entry({ rag: 'RED', closedAt: new Date(AT.getTime() - 47 * 3_600_000).toISOString(), rule: 'triage-closed-within-window', released: FIVE }), // 47 h: inside
    entry({ rag: 'AMBER', agency: 'health', ratingState: 'AWAITING_CONFIRMATION', decision: 'DENIED', rule: 'rating-unconfirmed' }), // still refused, by amber-not-health now
    // Not re-evaluated:
    entry({ facts: null }),
    entry({ rule: 'no-user', decision: 'DENIED', actorId: null, actorRoles: [] }),
    entry({ rule: 'unknown-subject', decision: 'DENIED', facts: { purpose: 'MASH_TRIAGE', case: null } }),
    entry({ rule: 'onward-purpose-allowed', reason: 'purpose=OPERATION_ENCOMPASS allowed', facts: null, agency: 'education' }),
    entry({ rule: 'purpose-not-allowed', decision: 'DENIED', reason: 'purpose=SOMETHING_ELSE refused', facts: null }),
    entry({ rule: 'agency-admin-own-disclosures', facts: null }),
    entry({ rule: 'no-active-policy', decision: 'DENIED' }),
    entry({ rule: 'no-user', decision: 'DENIED', actorId: null, actorRoles: [] }),
  ];

  function run(examplesPerKind = 5) {
    const tally = new SimulationTally(draft(), examplesPerKind);
    for (const item of entries) tally.add(item);
    return tally.result(new Date(0), AT, tally.keptExamples(), []);
  }

  it('counts each re-evaluated decision once, by kind of change', () => {
    const result = run();
    expect(result).toMatchObject({
      version: '2026-12-01.1', entriesRead: 19, reEvaluated: 11, unchanged: 5, allowedToDenied: 3, deniedToAllowed: 1, levelsNarrowed: 1, levelsWidened: 1,
      ruleChanged: 1, levelsNotCompared: 1,
    });
    expect(result.unchanged + result.allowedToDenied + result.deniedToAllowed + result.levelsNarrowed + result.levelsWidened).toBe(result.reEvaluated);
  });

  it('names why the others were not re-evaluated, most first', () => {
    expect(run().notReEvaluated.map(({ reason, count }) => [reason, count])).toEqual([
      ['NO_USER', 2], ['DISCLOSURE_LOG_READ', 1], ['NO_ACTIVE_POLICY', 1], ['NO_FACTS', 1], ['ONWARD_PURPOSE', 1], ['OTHER_PURPOSE', 1], ['UNKNOWN_SUBJECT', 1],
    ]);
    expect(run().notReEvaluated.reduce((sum, row) => sum + row.count, 0) + run().reEvaluated).toBe(entries.length);
  });

  it('breaks the changes down by rule pair, roles and agency, most changes first', () => {
    const result = run();
    // Two changes each: the levels of four allowed fetches (one widened, one narrowed), and AMBER health now refused.
    expect(result.byRule.slice(0, 2)).toEqual([
      expect.objectContaining({ recordedRule: 'triage-open-red-amber', simulatedRule: 'triage-open-red-amber', reEvaluated: 4, unchanged: 2, levelsWidened: 1, levelsNarrowed: 1 }),
      expect.objectContaining({ recordedRule: 'triage-open-red-amber', simulatedRule: 'amber-not-health', reEvaluated: 2, allowedToDenied: 2 }),
    ]);
    expect(result.byRule).toContainEqual(expect.objectContaining({ recordedRule: 'green-no-agency-data', simulatedRule: 'manager-green', deniedToAllowed: 1 }));
    expect(result.byRule).toContainEqual(expect.objectContaining({ recordedRule: 'triage-closed-within-window', simulatedRule: 'closed-case-no-agency-data', allowedToDenied: 1 }));
    expect(result.byRule).toContainEqual(expect.objectContaining({ recordedRule: 'green-no-agency-data', simulatedRule: 'green-no-agency-data', unchanged: 1 }));
    expect(result.byRole.map((row) => [row.roles, row.reEvaluated, row.reEvaluated - row.unchanged])).toEqual([
      [['mash-triage'], 9, 4], [['mash-manager'], 2, 2],
    ]);
    expect(result.byAgency.find((row) => row.agency === 'health')).toMatchObject({ reEvaluated: 3, allowedToDenied: 2, unchanged: 1 });
    expect(result.byAgency.find((row) => row.agency === 'police')).toMatchObject({ reEvaluated: 6, allowedToDenied: 1, deniedToAllowed: 1, levelsWidened: 1, unchanged: 3 });
    expect(result.byRule).toContainEqual(expect.objectContaining({ recordedRule: 'rating-unconfirmed', simulatedRule: 'amber-not-health', unchanged: 1 }));
    expect(result.recordedUnder).toEqual([{ policyVersion: '2026-11-01.5', count: 11 }]);
  });

  it('keeps the first examples of each kind, with old and new rule and levels', () => {
    const result = run(1);
    expect(result.examples.map((example) => [example.change, example.seq])).toEqual([
      ['ALLOWED_TO_DENIED', entries[1].seq], ['DENIED_TO_ALLOWED', entries[3].seq], ['LEVELS_NARROWED', entries[6].seq], ['LEVELS_WIDENED', entries[5].seq],
    ]);
    expect(result.examples[2]).toMatchObject({ agency: 'social-care', recordedLevels: FOUR, simulatedLevels: FOUR.slice(0, 3), userId: 'triage-1' });
    expect(result.examples[1]).toMatchObject({ recordedRule: 'green-no-agency-data', simulatedRule: 'manager-green', recordedLevels: null, simulatedLevels: ['BASIC_IDENTITY'] });
    expect(run(5).examples.filter((example) => example.change === 'ALLOWED_TO_DENIED')).toHaveLength(3);
    expect(run(0).examples).toEqual([]);
  });

  it('finds nothing changed when the candidate is the policy that decided', () => {
    const tally = new SimulationTally(DEFAULT_POLICY);
    for (const item of entries.slice(0, 10)) tally.add(item);
    const result = tally.result(new Date(0), AT, [], []);
    expect(result).toMatchObject({ reEvaluated: 10, unchanged: 10, ruleChanged: 0 });
  });

  it('tells a policy decision from a built-in one', () => {
    expect(notReEvaluable(entry())).toBeNull();
    expect(notReEvaluable(entry({ decision: 'DENIED', rule: 'rating-unconfirmed' }))).toBeNull();
    expect(notReEvaluable(entry({ agency: 'probation' }))).toBe('UNKNOWN_AGENCY');
    expect(notReEvaluable(entry({ rule: 'hub-unavailable', facts: null }))).toBe('HUB_UNAVAILABLE');
    expect(notReEvaluable(entry({ rule: 'onward-purpose-denied', facts: null }))).toBe('ONWARD_PURPOSE');
    expect(notReEvaluable(entry({ facts: { purpose: 'GP_NOTIFICATION', case: null } }))).toBe('ONWARD_PURPOSE');
  });
});

describe('simulationPeriod', () => {
  it('reads dates as whole Europe/London days, both included, across the clock change', () => {
    expect(simulationPeriod('2026-03-01', '2026-03-31')).toEqual({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-31T23:00:00Z') });
    expect(simulationPeriod('2026-07-01', '2026-07-01')).toEqual({ from: new Date('2026-06-30T23:00:00Z'), to: new Date('2026-07-01T23:00:00Z') });
  });

  it('reads timestamps with an offset as instants', () => {
    expect(simulationPeriod('2026-07-01T09:00:00+01:00', '2026-07-01T09:00:01Z')).toEqual({ from: new Date('2026-07-01T08:00:00Z'), to: new Date('2026-07-01T09:00:01Z') });
  });

  it.each([
    ['yesterday', '2026-07-01', 'from'],
    ['2026-02-30', '2026-03-01', 'from'],
    ['2026-07-01T09:00:00', '2026-07-02', 'from'],
    ['2026-07-02', '2026-07-01', 'to'],
    ['2026-07-01T10:00:00Z', '2026-07-01T10:00:00Z', 'to'],
  ])('refuses from %s to %s with BAD_USER_INPUT naming %s', (from, to, argument) => {
    let caught: { message: string; extensions: { code: string; argument: string } } | undefined;
    try {
      simulationPeriod(from, to);
    } catch (error) {
      caught = error as never;
    }
    expect(caught?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    expect(caught?.message.startsWith(argument)).toBe(true);
  });

  it('refuses a period over the limit it is given', () => {
    expect(() => simulationPeriod('2026-01-01', '2026-12-31', 365)).not.toThrow();
    expect(() => simulationPeriod('2026-01-01', '2027-01-01', 365)).toThrow(/at most 365 days/);
  });
});
