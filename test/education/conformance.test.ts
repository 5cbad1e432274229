import { CONFORMANCE_PEOPLE } from '@mash/shared';
import { adapter } from '@mash/education';
import { HARNESS_TIMEOUT, openAgencyHarness, subject, testGrant, type AgencyHarness } from '../support/agency';

/** The conformance people, written through the adapter's fixture into education's own tables. */
describe('education subgraph: conformance fixture', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter, { seed: false });
    const { dataSource } = harness.database;
    await adapter.conformance.insert(dataSource, CONFORMANCE_PEOPLE, harness.population.referenceDate);
    // Idempotent: a second run changes nothing.
    await adapter.conformance.insert(dataSource, CONFORMANCE_PEOPLE, harness.population.referenceDate);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  const asSubject = (person: (typeof CONFORMANCE_PEOPLE)[number], withUpn: boolean) => subject({
    id: `conformance-${person.key}-${withUpn ? 'upn' : 'demo'}`, givenName: person.givenName, familyName: person.familyName,
    dateOfBirth: person.dateOfBirth, gender: person.gender, postcode: withUpn ? person.postcode : null, upn: withUpn ? person.upn : null,
  });

  it('writes each person once, on roll', async () => {
    const [{ pupils, enrolments }] = await harness.database.dataSource.query(
      'SELECT (SELECT count(*)::int FROM pupil) AS pupils, (SELECT count(*)::int FROM enrolment WHERE on_roll) AS enrolments');
    expect({ pupils, enrolments }).toEqual({ pupils: CONFORMANCE_PEOPLE.length, enrolments: CONFORMANCE_PEOPLE.length });
    const result = await harness.entities(CONFORMANCE_PEOPLE.map((person) => asSubject(person, true)));
    expect(result.errors).toBeUndefined();
    for (const entity of result.data._entities) {
      expect(entity.education.status).toBe('MATCHED');
      expect(entity.education.matches[0].record).toMatchObject({ onRoll: true, currentSchool: { urn: '999901' } });
    }
  });

  it('makes the same-name, same-birthday pair AMBIGUOUS from name and date of birth alone', async () => {
    const pair = CONFORMANCE_PEOPLE.filter((person) => person.key === 'C03' || person.key === 'C04');
    const result = await harness.entities([asSubject(pair[0], false)]);
    expect(result.data._entities[0].education.status).toBe('AMBIGUOUS');
  });

  it('counts standard-risk domestic-abuse items only where the grant allows them', async () => {
    const { domesticAbuse } = adapter.conformance;
    const person = CONFORMANCE_PEOPLE.find((p) => p.standardRiskDomesticAbuse)!;
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Subject { education { matches { record { ${domesticAbuse!.selection} } } } } } }`;
    const count = async (obligations: Parameters<typeof testGrant>[2]) => {
      const s = { ...asSubject(person, true), id: `conformance-da-${obligations!.length}` };
      const result = await harness.execute(query, { representations: [s] }, testGrant('education', [s.id], obligations));
      return domesticAbuse!.standardRiskItems(result.data._entities[0].education.matches[0].record);
    };
    expect(await count([])).toBe(1);
    expect(await count(['OMIT_STANDARD_RISK_DOMESTIC_ABUSE'])).toBe(0);
  });
});
