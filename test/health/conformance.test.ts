import { CONFORMANCE_PEOPLE } from '@mash/shared';
import { adapter } from '@mash/health';
import { HARNESS_TIMEOUT, openAgencyHarness, subject, type AgencyHarness } from '../support/agency';

const person = (key: string) => CONFORMANCE_PEOPLE.find((candidate) => candidate.key === key)!;

/** The conformance people written into health's own tables answer as the conformance suite expects. */
describe('health conformance fixture', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter, { seed: false, referenceDate: '2026-11-01' });
    await adapter.conformance.insert(harness.database.dataSource, CONFORMANCE_PEOPLE, '2026-11-01');
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('is idempotent', async () => {
    const count = async () => (await harness.database.dataSource.query('SELECT (SELECT count(*) FROM patient)::int AS p, (SELECT count(*) FROM gp_registration)::int AS g'))[0];
    const first = await count();
    await adapter.conformance.insert(harness.database.dataSource, CONFORMANCE_PEOPLE, '2026-11-01');
    expect(await count()).toEqual(first);
    expect(first).toEqual({ p: CONFORMANCE_PEOPLE.length, g: CONFORMANCE_PEOPLE.length });
  });

  it('matches a person with identifiers as a registered child with nothing to flag', async () => {
    const who = person('C01');
    const result = await harness.entities([
      subject({ id: 'conf-c01', givenName: who.givenName, familyName: who.familyName, dateOfBirth: who.dateOfBirth, gender: who.gender, postcode: who.postcode, nhsNumber: who.nhsNumber }),
    ]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].health;
    expect(view.status).toBe('MATCHED');
    expect(view.matches[0].matchedOn).toContain('NHS_NUMBER');
    expect(view.matches[0].record).toMatchObject({ nhsNumber: who.nhsNumber, addressLine: who.addressLine, gpRegistrationStatus: 'REGISTERED', registeredPractice: { odsCode: 'M84906' } });
    expect(view.flags).toEqual([]);
  });

  it('cannot tell C03 from C04 by name and date of birth alone', async () => {
    const who = person('C03');
    const result = await harness.entities([subject({ id: 'conf-c03', givenName: who.givenName, familyName: who.familyName, dateOfBirth: who.dateOfBirth })]);
    const view = result.data._entities[0].health;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches).toHaveLength(2);
  });
});
