import type { GatewayContext } from '../../context';
import { outcomeKey, type FlagFact, type SubjectFacts, type ViewFacts } from '../answers';
import { findingsOf, membersOf, type Finding } from '../findings';
import { DEFAULT_RISK_MATRIX, riskMatrixOf } from '../risk-matrix';

const TODAY = '2026-11-01';
const flag = (code: string, severity: FlagFact['severity'] = 'AMBER', date: string | null = null): FlagFact => ({ code, severity, summary: `${code} summary`, date });
const matched = (flags: FlagFact[] = [], postcode = 'CV1 1AA', recordId = 'r1'): ViewFacts => ({ status: 'MATCHED', flags, matches: [{ candidate: { recordId, postcode } }] });
const notKnown = (flags: FlagFact[] = []): ViewFacts => ({ status: 'NOT_KNOWN', flags, matches: [] });

function person(id: string, householdRole: string, dateOfBirth: string, views: Partial<Pick<SubjectFacts, 'police' | 'socialCare' | 'health' | 'education'>> = {}, extra: Partial<SubjectFacts> = {}): SubjectFacts {
  return { id, householdRole, dateOfBirth, postcode: 'CV1 1AA', nhsNumber: '9990000018', police: matched(), socialCare: matched(), health: matched(), education: matched(), ...views, ...extra };
}

function contextWith(outcomes: [string, string, 'DENIED' | 'UNAVAILABLE'][] = []): GatewayContext {
  return { agencyOutcomes: new Map(outcomes.map(([agency, id, state]) => [outcomeKey(agency as never, id), { state, code: state === 'DENIED' ? 'ISA_DENIED' : 'AGENCY_UNAVAILABLE' }])) } as GatewayContext;
}

function findings(subjects: SubjectFacts[], context = contextWith()): Finding[] {
  return findingsOf(membersOf(subjects, context, TODAY));
}
const codes = (list: Finding[], status: Finding['status'] = 'FOUND') => list.filter((f) => f.status === status).map((f) => f.code);

describe('cross-agency findings', () => {
  it('a school-age child unknown to education and not home-educated is missing education; on roll is not', () => {
    expect(codes(findings([person('c1', 'CHILD', '2018-07-14', { education: notKnown() })]))).toContain('CHILD_MISSING_EDUCATION');
    expect(codes(findings([person('c1', 'CHILD', '2018-07-14', { education: matched([flag('NOT_ON_SCHOOL_ROLL')]) })]))).toContain('CHILD_MISSING_EDUCATION');
    expect(codes(findings([person('c1', 'CHILD', '2018-07-14')]))).not.toContain('CHILD_MISSING_EDUCATION');
    // Under five: not of compulsory school age.
    expect(codes(findings([person('c1', 'CHILD', '2023-01-14', { education: notKnown() })]))).not.toContain('CHILD_MISSING_EDUCATION');
  });

  it('a home-educated child is not missing education, but is a finding with open police or social-care concerns', () => {
    const ehe = matched([flag('ELECTIVE_HOME_EDUCATION')]);
    const quiet = findings([person('c1', 'CHILD', '2012-08-14', { education: ehe })]);
    expect(codes(quiet)).toEqual([]);
    const worried = findings([person('c1', 'CHILD', '2012-08-14', { education: ehe, police: matched([flag('CCE_CONCERN', 'RED')]) })]);
    expect(worried.find((f) => f.code === 'HOME_EDUCATED_WITH_CONCERNS')).toMatchObject({ status: 'FOUND', agencies: ['education', 'police'], subjectIds: ['c1'] });
    const denied = findings([person('c1', 'CHILD', '2012-08-14', { education: ehe, police: null, socialCare: null })], contextWith([['police', 'c1', 'DENIED'], ['socialCare', 'c1', 'UNAVAILABLE']]));
    expect(denied.find((f) => f.code === 'HOME_EDUCATED_WITH_CONCERNS')).toMatchObject({ status: 'NOT_ASSESSED', agencies: ['socialCare', 'police'] });
  });

  it('education denied or down: the finding says it could not be assessed rather than staying silent', () => {
    const down = findings([person('c1', 'CHILD', '2018-07-14', { education: null })], contextWith([['education', 'c1', 'UNAVAILABLE']]));
    expect(down.find((f) => f.code === 'CHILD_MISSING_EDUCATION')).toMatchObject({ status: 'NOT_ASSESSED', agencies: ['education'] });
    expect(codes(down)).not.toContain('CHILD_MISSING_EDUCATION');
  });

  it('a child not known to health or with no GP; a baby with no NHS number', () => {
    expect(codes(findings([person('c1', 'CHILD', '2016-01-01', { health: notKnown() })]))).toEqual(['CHILD_NOT_KNOWN_TO_HEALTH']);
    expect(codes(findings([person('c1', 'CHILD', '2016-01-01', { health: matched([flag('NOT_REGISTERED_WITH_GP')]) })]))).toEqual(['CHILD_NOT_KNOWN_TO_HEALTH']);
    const baby = findings([person('b1', 'CHILD', '2026-08-14', { health: notKnown(), education: notKnown() }, { nhsNumber: null })]);
    expect(codes(baby)).toEqual(['BABY_WITHOUT_NHS_NUMBER', 'CHILD_NOT_KNOWN_TO_HEALTH']);
    expect(baby[0].severity).toBe('RED');
    // Known to health: not a finding, even with no NHS number on the referral.
    expect(codes(findings([person('b1', 'CHILD', '2026-08-14', {}, { nhsNumber: null })]))).toEqual([]);
    const healthDown = findings([person('b1', 'CHILD', '2026-08-14', { health: null }, { nhsNumber: null })], contextWith([['health', 'b1', 'DENIED']]));
    expect(healthDown.map((f) => `${f.code}:${f.status}`)).toEqual(['BABY_WITHOUT_NHS_NUMBER:NOT_ASSESSED', 'CHILD_NOT_KNOWN_TO_HEALTH:NOT_ASSESSED']);
  });

  it('an adult with DA, violent or sexual offending history or MAPPA, where children live', () => {
    const child = person('c1', 'CHILD', '2014-06-14');
    const perpetrator = person('a1', 'ALLEGED_PERPETRATOR', '1989-08-14', { police: matched([flag('DA_PERPETRATOR', 'RED')]), education: notKnown() });
    const found = findings([child, perpetrator]).find((f) => f.code === 'ADULT_RISK_WHERE_CHILDREN_LIVE');
    expect(found).toMatchObject({ status: 'FOUND', severity: 'RED', subjectIds: ['a1', 'c1'], agencies: ['police'] });
    // No children in the case: nothing to say about children.
    expect(codes(findings([perpetrator]))).not.toContain('ADULT_RISK_WHERE_CHILDREN_LIVE');
    // A victim's high-risk DA flags are the household's abuse, not this adult being a danger.
    const victim = person('a3', 'PARENT', '1992-09-14', { police: matched([flag('DASH_HIGH_OR_MARAC_12M', 'RED'), flag('DA_REPEAT_INCIDENTS_12M')]), education: notKnown() });
    expect(codes(findings([child, victim]))).not.toContain('ADULT_RISK_WHERE_CHILDREN_LIVE');
    expect(findings([child, perpetrator])[0].summary).toContain('alleged perpetrator of domestic abuse');
    // An adult with no such history.
    expect(codes(findings([child, person('a2', 'PARENT', '1990-01-01', { education: notKnown() })]))).not.toContain('ADULT_RISK_WHERE_CHILDREN_LIVE');
    const policeDenied = findings([child, person('a2', 'PARENT', '1990-01-01', { police: null, education: notKnown() })], contextWith([['police', 'a2', 'DENIED']]));
    expect(policeDenied.find((f) => f.code === 'ADULT_RISK_WHERE_CHILDREN_LIVE')).toMatchObject({ status: 'NOT_ASSESSED', agencies: ['police'] });
  });

  it('a sibling on a child protection plan, now or before', () => {
    const onPlan = person('c1', 'CHILD', '2016-07-14', { socialCare: matched([flag('OPEN_CP_PLAN', 'RED')]) });
    const sibling = person('c2', 'CHILD', '2012-08-14');
    expect(findings([onPlan, sibling]).find((f) => f.code === 'SIBLING_CHILD_PROTECTION')).toMatchObject({ status: 'FOUND', severity: 'RED', subjectIds: ['c2', 'c1'] });
    const before = person('c1', 'CHILD', '2016-07-14', { socialCare: matched([flag('PREVIOUS_CP_PLAN')]) });
    expect(findings([before, sibling]).find((f) => f.code === 'SIBLING_CHILD_PROTECTION')?.severity).toBe('AMBER');
    // An only child's own plan is the agency's flag, not a sibling finding.
    expect(codes(findings([onPlan]))).not.toContain('SIBLING_CHILD_PROTECTION');
    expect(codes(findings([sibling, person('c3', 'CHILD', '2015-01-01')]))).not.toContain('SIBLING_CHILD_PROTECTION');
  });

  it('agencies disagreeing on where a person lives', () => {
    const moved = person('a1', 'PARENT', '2002-09-14', { health: matched([], 'CV23 7YW'), education: notKnown() }, { postcode: 'cv1 1aa' });
    expect(findings([moved]).find((f) => f.code === 'ADDRESS_DISAGREEMENT')).toMatchObject({ status: 'FOUND', subjectIds: ['a1'] });
    expect(findings([moved])[0].summary).toContain('health holds a different postcode');
    // Spacing and case are not a disagreement.
    const same = person('a1', 'PARENT', '2002-09-14', { health: matched([], 'cv11aa'), education: notKnown() });
    expect(codes(findings([same]))).not.toContain('ADDRESS_DISAGREEMENT');
  });

  it('toxic trio across agencies: police domestic abuse with parental mental ill-health or substance misuse from health', () => {
    const child = person('c1', 'CHILD', '2014-06-14', { police: matched([flag('DA_CHILDREN_PRESENT_12M')]) });
    const mother = person('a1', 'PARENT', '1992-09-14', { health: matched([flag('PARENT_MENTAL_HEALTH')]), education: notKnown() });
    const father = person('a2', 'PARENT', '1989-08-14', { health: matched([flag('PARENT_SUBSTANCE_MISUSE')]), education: notKnown() });
    expect(findings([child, mother]).find((f) => f.code === 'TOXIC_TRIO')).toMatchObject({ status: 'FOUND', severity: 'AMBER', agencies: ['police', 'health'] });
    expect(findings([child, mother, father]).find((f) => f.code === 'TOXIC_TRIO')?.severity).toBe('RED');
    expect(codes(findings([person('c1', 'CHILD', '2014-06-14'), mother]))).not.toContain('TOXIC_TRIO');
    const healthDown = findings([child, person('a1', 'PARENT', '1992-09-14', { health: null, education: notKnown() })], contextWith([['health', 'a1', 'UNAVAILABLE']]));
    expect(healthDown.find((f) => f.code === 'TOXIC_TRIO')).toMatchObject({ status: 'NOT_ASSESSED', agencies: ['health'] });
  });

  it('orders findings most severe first', () => {
    const list = findings([
      person('c1', 'CHILD', '2016-07-14', { socialCare: matched([flag('OPEN_CP_PLAN', 'RED')]), education: notKnown() }),
      person('c2', 'CHILD', '2012-08-14'),
    ]);
    expect(list.map((f) => f.severity)).toEqual([...list.map((f) => f.severity)].sort((a, b) => ['RED', 'AMBER', 'GREEN'].indexOf(a) - ['RED', 'AMBER', 'GREEN'].indexOf(b)));
    expect(list[0].code).toBe('SIBLING_CHILD_PROTECTION');
  });
});

describe('risk matrix', () => {
  it('maps agency flags to areas with levels, and says which agencies could not be asked', () => {
    const members = membersOf([
      person('c1', 'CHILD', '2012-08-14', { police: matched([flag('CCE_CONCERN', 'AMBER', '2026-10-01'), flag('MISSING_HIGH_RISK_12M', 'AMBER', '2026-09-01')]), socialCare: null }),
    ], contextWith([['socialCare', 'c1', 'DENIED']]), TODAY);
    const rows = riskMatrixOf(DEFAULT_RISK_MATRIX, members);
    expect(rows.map((row) => row.area)).toEqual(DEFAULT_RISK_MATRIX.areas.map((area) => area.area));
    const byArea = Object.fromEntries(rows.map((row) => [row.area, row]));
    expect(byArea.CRIMINAL_EXPLOITATION).toMatchObject({ level: 'MEDIUM', facts: [{ agency: 'police', code: 'CCE_CONCERN', date: '2026-10-01', subjectId: 'c1' }] });
    // The rule raises a high-risk missing episode to HIGH whatever the flag's severity.
    expect(byArea.MISSING.level).toBe('HIGH');
    expect(byArea.HATE_CRIME).toMatchObject({ level: 'NONE_KNOWN', facts: [], notAssessed: [] });
    expect(byArea.CHILD_SEXUAL_EXPLOITATION.notAssessed).toEqual([{ agency: 'socialCare', subjectId: 'c1', state: 'DENIED' }]);
  });
});
