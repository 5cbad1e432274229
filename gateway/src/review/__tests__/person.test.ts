import { checkPerson } from '../person';
import { instant, period } from '../period';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { ...(error as { extensions: Record<string, unknown> }).extensions, message: (error as Error).message };
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe("a subject access request's person", () => {
  it('takes a subject id alone', () => {
    expect(checkPerson({ subjectId: 'A1B2C3D4-0000-4000-8000-000000000001' })).toMatchObject({ subjectId: 'a1b2c3d4-0000-4000-8000-000000000001', basis: 'subjectId' });
    expect(refused(() => checkPerson({ subjectId: 'a1b2c3d4-0000-4000-8000-000000000001', nhsNumber: '9434765919' }))).toMatchObject({ argument: 'person' });
    expect(refused(() => checkPerson({ subjectId: 'not-a-uuid' }))).toMatchObject({ argument: 'person.subjectId' });
  });

  it('takes an NHS number with spaces, and refuses a wrong check digit without echoing it', () => {
    expect(checkPerson({ nhsNumber: '943 476 5919' })).toMatchObject({ nhs: '9434765919', name: null, basis: 'nhsNumber' });
    const error = refused(() => checkPerson({ nhsNumber: '9434765918' }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'person.nhsNumber' });
    expect(error.message).not.toContain('9434765918');
  });

  it('takes family name and date of birth, optionally a given name (first word, any case)', () => {
    expect(checkPerson({ familyName: ' Okafor ', dateOfBirth: '2015-01-01', givenName: 'Amy Rose' }))
      .toMatchObject({ name: { family: 'okafor', dob: '2015-01-01', given: 'amy' }, basis: 'familyName+dateOfBirth givenName' });
    expect(refused(() => checkPerson({ familyName: 'Okafor' }))).toMatchObject({ argument: 'person.dateOfBirth' });
    expect(refused(() => checkPerson({ dateOfBirth: '2015-01-01' }))).toMatchObject({ argument: 'person.familyName' });
    expect(refused(() => checkPerson({ givenName: 'Amy', nhsNumber: '9434765919' }))).toMatchObject({ argument: 'person.givenName' });
    expect(refused(() => checkPerson({ familyName: 'Okafor', dateOfBirth: '2015-02-30' }))).toMatchObject({ argument: 'person.dateOfBirth' });
    expect(refused(() => checkPerson({}))).toMatchObject({ argument: 'person' });
  });
});

describe('review periods', () => {
  it('reads a date as midnight at its start in the calendar zone, a timestamp as given', () => {
    expect(instant('from', '2026-06-01', 'Europe/London').toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect(instant('from', '2026-12-01', 'Europe/London').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(instant('to', '2026-06-01T09:30:00+01:00', 'Europe/London').toISOString()).toBe('2026-06-01T08:30:00.000Z');
  });

  it('refuses a time without an offset, a non-date and a reversed or over-long period, naming the argument', () => {
    expect(refused(() => instant('from', '2026-06-01T09:00:00', 'Europe/London'))).toMatchObject({ argument: 'from' });
    expect(refused(() => instant('to', 'yesterday', 'Europe/London'))).toMatchObject({ argument: 'to' });
    expect(refused(() => instant('to', '2026-13-01', 'Europe/London'))).toMatchObject({ argument: 'to' });
    expect(refused(() => period('2026-06-02', '2026-06-01', 'Europe/London'))).toMatchObject({ argument: 'to' });
    expect(refused(() => period('2026-06-01', '2026-06-01', 'Europe/London'))).toMatchObject({ argument: 'to' });
    expect(refused(() => period('2026-01-01', '2026-03-01', 'Europe/London', 31))).toMatchObject({ argument: 'to' });
    expect(period(null, '2026-06-01', 'Europe/London').from).toBeNull();
  });
});
