import { evaluateMatching } from '../evaluate';
import type { AgencyRecord } from '../agencies';
import type { CaseTruth, EvaluationCase, EvaluationSet } from '../generate';
import type { PersonFacts } from '../../types';

const amy: PersonFacts = { givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2015-03-09', gender: 'FEMALE', postcode: 'CV34 4RL', nhsNumber: '9990000018' };
const ben: PersonFacts = { givenName: 'Ben', familyName: 'Smith', dateOfBirth: '2014-01-01', gender: 'MALE', postcode: 'CV21 2AB' };
const records: AgencyRecord[] = [
  { id: 'R1', identities: [amy] },
  { id: 'R2', identities: [ben] },
  { id: 'R3', identities: [{ ...ben, postcode: 'CV11 6BW' }] },
  { id: 'R4', identities: [
    { givenName: 'Clare', familyName: 'Bloggs', dateOfBirth: '2010-05-05', gender: 'FEMALE', postcode: 'CV37 6QW' },
    { givenName: 'Clare', familyName: 'Brown', dateOfBirth: '2010-05-05', gender: 'FEMALE', postcode: 'CV37 6QW' },
  ] },
];

const truth = (recordId: string | null): CaseTruth =>
  ({ recordId, siblingRecordId: null, identifierOwnerRecordId: null, namesakeRecordId: null, recordDifferences: [] });
const noTruth = { police: truth(null), 'social-care': truth(null), education: truth(null) };
const people = { subject: 'P1', sibling: null, identifierOwner: null, namesake: null };
const item = (id: string, subject: PersonFacts, recordId: string | null, more: Partial<EvaluationCase> = {}): EvaluationCase =>
  ({ id, variation: 'exact', detail: null, target: 'health', people, subject, corrected: null, truth: { ...noTruth, health: truth(recordId) }, ...more });

const set: EvaluationSet = {
  options: { seed: 1, subjects: 5, population: 0, referenceDate: '2026-11-01' },
  world: { referenceDate: '2026-11-01', households: [], people: [] },
  records: { health: records, police: [], 'social-care': [], education: [] },
  cases: [
    item('c1', { ...amy, givenName: ' amy ', familyName: 'JONES', nhsNumber: null }, 'R1'),
    item('c2', ben, 'R2'),
    item('c3', { givenName: 'Clare', familyName: 'Brown', dateOfBirth: '2010-05-05' }, 'R4'),
    item('c4', { ...amy, dateOfBirth: '2015-03-10', nhsNumber: null }, 'R1', { variation: 'dob-one-day' }),
    item('c5', { ...amy, nhsNumber: '9990000019' }, 'R1', { variation: 'identifier-invalid', corrected: { ...amy, nhsNumber: null } }),
    item('c6', { ...ben, pncId: '20030011985Z' }, 'R2'),
  ],
};

const [health] = evaluateMatching(set, { agencies: ['health'] }).agencies;
const byCase = (outcomes: typeof health.matcher) => new Map(outcomes.map((o) => [o.caseId, o]));

describe('the naive baseline', () => {
  const baseline = byCase(health.baseline);

  it('matches when exactly one record has the same given name, family name and date of birth, ignoring case and spacing', () => {
    expect(baseline.get('c1')).toMatchObject({ status: 'MATCHED', matchedRecordId: 'R1' });
  });

  it('answers NOT_KNOWN when two records share them, never AMBIGUOUS', () => {
    expect(baseline.get('c2')).toMatchObject({ status: 'NOT_KNOWN', matchedRecordId: null });
    expect(health.baseline.some((o) => o.status === 'AMBIGUOUS')).toBe(false);
  });

  it('looks at every name a record holds', () => {
    expect(baseline.get('c3')).toMatchObject({ status: 'MATCHED', matchedRecordId: 'R4' });
  });

  it('forgives nothing else', () => {
    expect(baseline.get('c4')?.status).toBe('NOT_KNOWN');
  });

  it('uses no blocking', () => {
    expect(health.baseline.every((o) => o.candidates === null && o.trueRecordIsCandidate === null)).toBe(true);
  });
});

describe('evaluateMatching', () => {
  const matcher = byCase(health.matcher);

  it('runs the real matcher over the blocking candidates', () => {
    expect(matcher.get('c1')).toMatchObject({ status: 'MATCHED', matchedRecordId: 'R1', trueRecordIsCandidate: true });
    expect(matcher.get('c1')!.candidates).toBeGreaterThanOrEqual(1);
    expect(matcher.get('c2')!.candidates).toBe(2);
  });

  it('records a rejected identifier and evaluates the corrected subject', () => {
    expect(matcher.get('c5')).toMatchObject({ rejectedAsSent: true, status: 'MATCHED', matchedRecordId: 'R1' });
  });

  it('answers BAD_USER_INPUT for a subject the input check rejects and that has no correction', () => {
    expect(matcher.get('c6')).toMatchObject({ rejectedAsSent: true, status: 'BAD_USER_INPUT', candidates: 0 });
    expect(byCase(health.baseline).get('c6')?.status).toBe('BAD_USER_INPUT');
  });
});
