import { GraphQLError } from 'graphql';
import { DashRisk, DomesticAbuseRole, ScreeningOutcome } from '../entities/enums';
import { validateNotification, validateScreening } from '../validation';

const now = new Date('2026-12-01T10:00:00Z');
const notification = (changes: Record<string, unknown> = {}) => ({
  policeReference: 'WK/2026/000123',
  incidentAt: new Date('2026-11-30T21:00:00Z'),
  dashRisk: DashRisk.STANDARD,
  childrenPresent: true,
  people: [
    { role: DomesticAbuseRole.VICTIM, givenName: 'Mary', familyName: 'Quill', dateOfBirth: '1990-02-03' },
    { role: DomesticAbuseRole.CHILD, givenName: 'Ada', familyName: 'Quill', dateOfBirth: '2016-04-05', postcode: 'cv34 4rl' },
  ],
  ...changes,
});

function problemsOf(run: () => unknown): { field: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.problems as { field: string; message: string }[];
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('the domestic abuse intake checks', () => {
  it('accepts a standard-risk notification and normalises identifiers', () => {
    const valid = validateNotification(notification() as never, now);
    expect(valid).toMatchObject({ policeReference: 'WK/2026/000123', dashRisk: 'STANDARD', childrenPresent: true });
    expect(valid.people[1]).toMatchObject({ role: 'CHILD', postcode: 'CV34 4RL' });
  });

  it('refuses HIGH risk (MARAC and a referral, not this queue)', () => {
    expect(problemsOf(() => validateNotification(notification({ dashRisk: DashRisk.HIGH }) as never, now))).toEqual([
      { field: 'dashRisk', message: expect.stringContaining('MARAC') },
    ]);
  });

  it('names every bad field, a person\'s at their place in people', () => {
    const problems = problemsOf(() =>
      validateNotification(
        notification({
          policeReference: 'has spaces',
          incidentAt: new Date('2026-12-02T10:00:00Z'),
          people: [{ role: DomesticAbuseRole.CHILD, familyName: 'Quill', dateOfBirth: '2016-04-05', nhsNumber: '9876544321' }, { role: DomesticAbuseRole.VICTIM, familyName: '' }],
        }) as never,
        now,
      ),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['policeReference', 'incidentAt', 'people[0].nhsNumber', 'people[1].familyName', 'people[1].dateOfBirth']);
  });

  it('needs a CHILD named when children were present', () => {
    expect(problemsOf(() => validateNotification(notification({ people: [{ role: DomesticAbuseRole.VICTIM, familyName: 'Quill', dateOfBirth: '1990-02-03' }] }) as never, now))).toEqual([
      { field: 'people', message: expect.stringContaining('at least one CHILD') },
    ]);
  });
});

describe('the screening checks', () => {
  const id = '6f1c2a52-7c3e-4f7e-9d55-0f3c9d8e2b11';

  it('refuses an early-help offer without consent recorded, naming consentRecorded', () => {
    for (const consentRecorded of [undefined, null, false]) {
      expect(problemsOf(() => validateScreening({ id, outcome: ScreeningOutcome.EARLY_HELP_OFFER, rationale: 'Family would benefit', consentRecorded }))).toEqual([
        { field: 'consentRecorded', message: expect.stringContaining('consent') },
      ]);
    }
    expect(() => validateScreening({ id, outcome: ScreeningOutcome.EARLY_HELP_OFFER, rationale: 'Family would benefit', consentRecorded: true })).not.toThrow();
  });

  it('needs a rationale and an id, and takes a rating only when escalating', () => {
    expect(problemsOf(() => validateScreening({ id: 'x', outcome: ScreeningOutcome.NO_FURTHER_ACTION, rationale: ' ', rag: 'RED' as never })).map((problem) => problem.field)).toEqual(['id', 'rationale', 'rag']);
  });
});
