import { DEFAULT_POLICY, comparable, policyDiff, renderPolicyDiff, type PolicyDocument } from '..';

function next(change: (doc: PolicyDocument) => void): PolicyDocument {
  const doc = structuredClone(DEFAULT_POLICY);
  doc.version = '2026-12-01.1';
  change(doc);
  return doc;
}

const ruleIndex = (doc: PolicyDocument, id: string) => doc.rules.findIndex((rule) => rule.id === id);

describe('policyDiff', () => {
  it('finds nothing between a version and its copy but the version label', () => {
    const diff = policyDiff(DEFAULT_POLICY, next(() => {}));
    expect(diff).toEqual({ from: '2026-11-01.5', to: '2026-12-01.1', changes: [], widening: [] });
    expect(renderPolicyDiff(diff)).toBe(
      'ISA policy 2026-11-01.5 -> 2026-12-01.1: 0 changes\n\nThe two versions say the same.\n\nWidens sharing: no (one approver other than the proposer is enough).\n',
    );
  });

  it('compares rules by id: removed, added, moved and changed field by field', () => {
    const to = next((doc) => {
      const [green] = doc.rules.splice(ruleIndex(doc, 'green-no-agency-data'), 1);
      doc.rules.push(green);
      doc.rules.splice(ruleIndex(doc, 'closed-case-no-agency-data'), 1);
      doc.rules.splice(1, 0, { id: 'no-education', description: 'Education data is not used', effect: 'DENY', agencies: ['education'], roles: ['*'], rag: ['*'], caseStatus: ['*'], purposes: ['*'] });
      doc.rules[ruleIndex(doc, 'triage-open-red-amber')].roles = ['mash-manager'];
      doc.rules[ruleIndex(doc, 'triage-open-red-amber')].description = 'Managers only';
    });
    const { changes } = policyDiff(DEFAULT_POLICY, to);
    expect(changes.map((c) => [c.kind, c.path, c.sentence])).toEqual([
      ['REMOVED', '/rules/closed-case-no-agency-data', expect.stringMatching(/^Rule closed-case-no-agency-data removed \(was number 6: effect DENY; agencies \*; roles \*; rag \*; caseStatus CLOSED; purposes \* \("This case closed more than/)],
      ['ADDED', '/rules/no-education', 'Rule no-education added as number 2 of 7: effect DENY; agencies education; roles *; rag *; caseStatus *; purposes * ("Education data is not used")'],
      ['MOVED', '/rules/green-no-agency-data', 'Rule green-no-agency-data moved from number 3 to number 7: it is now tried after rules it used to precede'],
      ['CHANGED', '/rules/triage-open-red-amber/description', 'Rule triage-open-red-amber description: Triage roles may see {agency} data for an open case rated RED or AMBER, for {purpose} -> Managers only'],
      ['CHANGED', '/rules/triage-open-red-amber/roles', 'Rule triage-open-red-amber roles: removed mash-triage'],
    ]);
    expect(changes[2]).toMatchObject({ section: 'rules', id: 'green-no-agency-data', before: 3, after: 7 });
  });

  it('compares field access and alert rules by id and other sections by path, and carries the widening', () => {
    const to = next((doc) => {
      doc.classificationAccess[1].levels.push('POLICE_INTELLIGENCE');
      doc.alerts!.rules[ruleIndexOfAlert(doc, 'out-of-hours')].enabled = false;
      doc.alerts!.rules.reverse();
      doc.closedCaseWindowHours = 96;
      doc.ratingControl.urgent = ['RED', 'AMBER'];
      doc.lawfulBases.health = 'UK GDPR Art 6(1)(e), Art 9(2)(h)';
    });
    const diff = policyDiff(DEFAULT_POLICY, to);
    expect(diff.changes.map((c) => [c.section, c.path, c.id, c.sentence])).toEqual([
      ['lawfulBases', '/lawfulBases/health', null, 'Lawful basis health: UK GDPR Art 6(1)(e), Art 9(2)(g); DPA 2018 Sch 1 para 18 -> UK GDPR Art 6(1)(e), Art 9(2)(h)'],
      ['closedCaseWindowHours', '/closedCaseWindowHours', null, 'Hours agency data stays readable after closure: 72 -> 96'],
      ['ratingControl', '/ratingControl/urgent', null, 'Rating control urgent: added AMBER'],
      ['classificationAccess', '/classificationAccess/triage-amber-research/levels', 'triage-amber-research', 'Field access entry triage-amber-research levels: added POLICE_INTELLIGENCE'],
      ['alerts', '/alerts/rules/out-of-hours/enabled', 'out-of-hours', 'Alert rule out-of-hours enabled: true -> false'],
    ]);
    expect(diff.widening).toContain('Agency data would stay readable for 96 hours after a case closes, not 72');
    expect(diff.widening).toContain('An AMBER rating would share at once as urgent, before anyone confirms it');
    const text = renderPolicyDiff(diff);
    expect(text).toContain('closedCaseWindowHours:\n  - Hours agency data stays readable after closure: 72 -> 96\n');
    expect(text).toMatch(/Widens sharing: yes, \d+ findings \(two approvers other than the proposer needed\):\n  - Agency data would stay readable for 96 hours/);
  });

  it('compares an absent optional section as what the hub uses in its place', () => {
    const withoutAlerts = next((doc) => {
      delete doc.alerts;
      delete doc.notifications;
    });
    expect(policyDiff(DEFAULT_POLICY, withoutAlerts).changes).toEqual([]);
  });

  it('makes a stored document comparable, noting what today\'s validation refuses', () => {
    const old = next((doc) => (doc.closedCaseWindowHours = 8760));
    const loaded = comparable(old, 'Version old');
    expect(loaded).toMatchObject({ document: { closedCaseWindowHours: 8760 }, notes: [expect.stringMatching(/^Version old does not pass today's validation \(\/closedCaseWindowHours 8760 is above the cap/)] });
    expect(comparable({ version: 'x' }, 'Version x')).toEqual({ errors: expect.arrayContaining(['/title is required']) });
  });
});

function ruleIndexOfAlert(doc: PolicyDocument, id: string): number {
  return doc.alerts!.rules.findIndex((rule) => rule.id === id);
}
