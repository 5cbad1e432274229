import { adapter } from '@mash/health';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, subject, type AgencyHarness } from '../support/agency';

/**
 * When health's database fails mid-request, each subject searched is answered AGENCY_UNAVAILABLE
 * (the gateway shows health as unavailable for that subject, not the whole referral as failed), a
 * subject that was bad as given keeps its own BAD_USER_INPUT, and no database detail leaks. The
 * failures are real: tables dropped from this suite's throw-away database.
 */
describe('health subgraph: database failure', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  // Embedded PGlite (one session over a socket) ends the session after a failed prepared statement;
  // the pool opens a new one, so a statement that meets the closed session is sent once more.
  const sql = (text: string) =>
    harness.database.dataSource.query(text).catch((error: Error) => {
      if (!/Connection terminated/.test(error.message)) throw error;
      return harness.database.dataSource.query(text);
    });

  const batch = () => {
    const { population } = harness;
    return [
      ...population.demo.red.members.map((person) => representation(population, person, true)),
      subject({ id: 'bad-nhs', familyName: 'Brennan', nhsNumber: '9876544321' }),
      subject({ id: 'nobody', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '2019-02-02', postcode: 'CV34 4RL' }),
    ];
  };

  async function expectUnavailable(representations: ReturnType<typeof batch>) {
    const result = await harness.entities(representations);
    const views = result.data._entities.map((entity: any) => entity.health);
    expect(views.every((view: unknown) => view === null)).toBe(true);
    const errors = result.errors ?? [];
    expect(errors).toHaveLength(representations.length);
    const byIndex = new Map(errors.map((error: any) => [error.path[1], error]));
    representations.forEach((representation, index) => {
      const error = byIndex.get(index);
      expect(error?.path).toEqual(['_entities', index, 'health']);
      expect(error?.extensions.code).toBe(representation.id === 'bad-nhs' ? 'BAD_USER_INPUT' : 'AGENCY_UNAVAILABLE');
    });
    const unavailable = errors.find((error: any) => error.extensions.code === 'AGENCY_UNAVAILABLE');
    expect(unavailable.message).toBe('The health records could not be searched just now; try again shortly.');
    expect(JSON.stringify(errors)).not.toMatch(/cpis_record|patient|relation|stacktrace/i);
  }

  it('answers every searched subject AGENCY_UNAVAILABLE when loading the matched records fails', async () => {
    const before = await harness.entities(batch());
    expect(before.errors?.map((error: any) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    await sql('DROP TABLE cpis_record');
    await expectUnavailable(batch());
  });

  it('answers every searched subject AGENCY_UNAVAILABLE when the candidate query fails', async () => {
    await sql('DROP TABLE patient CASCADE');
    await expectUnavailable(batch());
  });
});
