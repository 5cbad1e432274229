import { ageOn, DisclosureLog, seedAgency } from '@mash/shared';
import { adapter } from '@mash/health';
import { HARNESS_TIMEOUT, householdOf, openAgencyHarness, PEOPLE, representationAt as representation, subject, type AgencyHarness, type Representation } from '../support/agency';

interface RestrictedRow {
  nhs_number: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  postcode: string;
}

/** The first restricted patient the demo seed holds (every 100th household known to health, from the 10th). */
async function restrictedPatient(harness: AgencyHarness): Promise<RestrictedRow> {
  const [row] = await harness.database.dataSource.query(
    `SELECT nhs_number, given_name, family_name, date_of_birth::text AS date_of_birth, postcode
       FROM patient WHERE restricted AND nhs_number IS NOT NULL ORDER BY id LIMIT 1`,
  );
  expect(row).toBeDefined();
  return row;
}

const codes = (view: any): string[] => view.flags.map((flag: any) => flag.code);

describe('health subgraph: _entities on Subject', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  /** Each subject's `health`, the errors, and the request id the disclosure log names. */
  async function fetchHealth(representations: Representation[]) {
    const { data, errors } = await harness.entities(representations);
    return { views: (data?._entities ?? []).map((entity: any) => entity?.health), errors, requestId: harness.lastRequestId() };
  }

  it('seeds once, and does nothing when seeded a second time', async () => {
    expect(harness.seedResult.inserted).toBe(true);
    await expect(seedAgency(harness.database.dataSource, adapter.seed, { people: PEOPLE })).resolves.toEqual({ inserted: false, counts: {} });
  });

  it('matches every demo RED child, with and without identifiers, and flags the household', async () => {
    const { population } = harness;
    const household = population.demo.red;
    const children = household.members.filter((person) => ageOn(person.dateOfBirth, population.referenceDate) < 18);
    expect(children.length).toBe(3);
    const { views, errors } = await fetchHealth(children.flatMap((child) => [representation(child, household, true), representation(child, household)]));
    expect(errors).toBeUndefined();
    for (const view of views) {
      expect(view.status).toBe('MATCHED');
      expect(view.matches).toHaveLength(1);
      expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
      expect(view.matches[0].record).toMatchObject({ restricted: false, gpRegistrationStatus: 'REGISTERED', cpis: { planType: 'CPP' } });
      expect(codes(view)).toEqual(expect.arrayContaining(['CPIS_FLAG', 'ACTIVE_SAFEGUARDING_CODE', 'REPEAT_ED_ATTENDANCE_12M', 'WAS_NOT_BROUGHT_12M']));
      expect(view.flags.find((flag: any) => flag.code === 'CPIS_FLAG').severity).toBe('RED');
    }
    expect(views[0].matches[0].matchedOn).toContain('NHS_NUMBER');
    expect(views[1].matches[0].matchedOn).not.toContain('NHS_NUMBER');
  });

  it('flags the demo RED parent in substance misuse treatment, and nothing RED in the GREEN household', async () => {
    const { population } = harness;
    const red = population.demo.red.members.filter((person) => person.role === 'PARENT');
    const green = population.demo.green.members;
    const { views } = await fetchHealth([
      ...red.map((person) => representation(person, population.demo.red)),
      ...green.map((person) => representation(person, population.demo.green)),
    ]);
    expect(views.every((view: any) => view.status === 'MATCHED')).toBe(true);
    expect(views.slice(0, red.length).flatMap(codes)).toContain('PARENT_SUBSTANCE_MISUSE');
    expect(views.slice(red.length).flatMap((view: any) => view.flags).filter((flag: any) => flag.severity === 'RED')).toEqual([]);
  });

  it.each(['NICKNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE'] as const)(
    'matches a person health holds with a %s variant from the true demographics alone',
    async (variant) => {
      const { population } = harness;
      const person = population.people.find((candidate) => population.agencyView(candidate, 'health')?.variants.includes(variant));
      expect(person).toBeDefined();
      const { views } = await fetchHealth([representation(person!, householdOf(population, person!))]);
      expect(views[0].status).toBe('MATCHED');
      expect(views[0].matches[0].confidence).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('answers NOT_KNOWN for a made-up person, flagging a made-up child as not registered with a GP', async () => {
    const { views } = await fetchHealth([
      subject({ id: 'made-up-adult', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '1901-01-01', postcode: 'CV34 4RL' }),
      subject({ id: 'made-up-child', givenName: 'Zebedee', familyName: 'Quillfeather', dateOfBirth: '2019-02-02', postcode: 'CV34 4RL' }),
    ]);
    expect(views[0]).toEqual({ status: 'NOT_KNOWN', matches: [], flags: [] });
    expect(views[1].status).toBe('NOT_KNOWN');
    expect(views[1].matches).toEqual([]);
    expect(views[1].flags).toEqual([expect.objectContaining({ code: 'NOT_REGISTERED_WITH_GP', severity: 'AMBER' })]);
  });

  it('answers one subject or a batch with the same three statements: candidates, matched records, disclosure log', async () => {
    const { population } = harness;
    const people = population.demo.amber.members;
    expect(people).toHaveLength(5);
    const statements = async (representations: Representation[]) => {
      harness.queries.length = 0;
      const { errors } = await fetchHealth(representations);
      expect(errors).toBeUndefined();
      return { total: harness.queries.length, candidate: harness.queries.filter((sql) => /FROM patient p\s+WHERE p\.blocking_keys && \$1/i.test(sql)).length };
    };
    const one = await statements([representation(people[0], population.demo.amber)]);
    const five = await statements(people.map((person) => representation(person, population.demo.amber)));
    expect(one).toEqual({ total: 3, candidate: 1 });
    expect(five).toEqual({ total: 3, candidate: 1 });
  });

  it('writes one disclosure-log row per subject, recording the records disclosed', async () => {
    const household = harness.population.demo.amber;
    const { views, requestId } = await fetchHealth([
      ...household.members.map((person) => representation(person, household)),
      subject({ id: 'nobody', familyName: 'Quillfeather', dateOfBirth: '1901-01-01' }),
    ]);
    const rows = await harness.database.dataSource.getRepository(DisclosureLog).find({ where: { requestId } });
    expect(rows).toHaveLength(household.members.length + 1);
    const nobody = rows.find((row) => row.subjectId === 'nobody')!;
    expect(nobody).toMatchObject({ matchStatus: 'NOT_KNOWN', recordIds: [] });
    const first = rows.find((row) => row.subjectId === `subject-${household.members[0].key}-demo`)!;
    expect(first).toMatchObject({ matchStatus: 'MATCHED', recordIds: [views[0].matches[0].record.id] });
    // The record id is the patient's own uuid.
    const [{ count }] = await harness.database.dataSource.query('SELECT count(*)::int AS count FROM patient WHERE id = $1', [first.recordIds[0]]);
    expect(count).toBe(1);
  });

  describe('a restricted (PDS sensitive) patient', () => {
    let patient: RestrictedRow;

    beforeAll(async () => {
      patient = await restrictedPatient(harness);
    });

    it('is matched by NHS number, with no address, postcode, UPRN or GP practice', async () => {
      const { views } = await fetchHealth([
        subject({ id: 'restricted', familyName: patient.family_name, dateOfBirth: patient.date_of_birth, nhsNumber: patient.nhs_number, postcode: 'CV1 1AA' }),
      ]);
      expect(views[0].status).toBe('MATCHED');
      expect(views[0].matches[0].record).toMatchObject({
        restricted: true, addressLine: null, postcode: null, uprn: null, registeredPractice: null, gpRegistrationStatus: 'REGISTERED',
      });
      expect(views[0].matches[0].matchedOn).not.toContain('POSTCODE');
    });

    it('is matched by name and date of birth', async () => {
      const { views } = await fetchHealth([
        subject({ id: 'restricted-name', givenName: patient.given_name, familyName: patient.family_name, dateOfBirth: patient.date_of_birth }),
      ]);
      expect(views[0].status).toBe('MATCHED');
      expect(views[0].matches[0].record.postcode).toBeNull();
    });

    it('is never found through its postcode, where an unrestricted patient would be', async () => {
      const [open] = await harness.database.dataSource.query(
        `SELECT nhs_number, given_name, family_name, postcode FROM patient
          WHERE NOT restricted AND nhs_number IS NOT NULL ORDER BY id LIMIT 1`,
      );
      const byPostcode = (id: string, row: RestrictedRow) => subject({ id, givenName: row.given_name, familyName: row.family_name, postcode: row.postcode });
      const { views } = await fetchHealth([byPostcode('restricted-postcode', patient), byPostcode('open-postcode', open)]);
      const found = (view: any, nhsNumber: string) => view.matches.some((match: any) => match.record.nhsNumber === nhsNumber);
      expect(found(views[0], patient.nhs_number)).toBe(false);
      expect(found(views[1], open.nhs_number)).toBe(true);
    });
  });

  it('answers a subject with an invalid NHS number with BAD_USER_INPUT, and the rest of the batch normally', async () => {
    const { population } = harness;
    const person = population.demo.green.members[0];
    const { views, errors } = await fetchHealth([
      subject({ id: 'bad-nhs', familyName: 'Brennan', nhsNumber: '9876544321' }),
      representation(person, population.demo.green),
    ]);
    expect(views[0]).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(errors![0].message).toMatch(/Modulus 11/);
    expect(views[1].status).toBe('MATCHED');
  });
});
