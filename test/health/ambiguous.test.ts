import { adapter } from '@mash/health';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, subject, type AgencyHarness } from '../support/agency';

const HISTORY = {
  gpRegistrationStatus: null, registeredPractice: null, cpis: null, activeSafeguardingCodes: null, unscheduledCare: null,
  wasNotBroughtLast12Months: null, openMentalHealthServices: null, openToSubstanceMisuseService: null, maternity: null,
};

/**
 * A possible match is shown with identity only: its registration and care history stay null
 * (withheld, not "none") until a practitioner confirms who it is, and the only flag asks for that.
 */
describe('health subgraph: possible (AMBIGUOUS) matches', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    // Thresholds are configuration: a bar this high turns the demo matches into possible ones.
    harness = await openAgencyHarness(adapter, { thresholds: { match: 0.99999, possible: 0.6 } });
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('returns the candidate without history or flags and asks for identity to be resolved', async () => {
    const { population } = harness;
    const child = population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const subjectRef = representation(population, child, false);
    const result = await harness.entities([subjectRef]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].health;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches).toHaveLength(1);
    // The demo RED child has a CP-IS flag and repeat ED attendances: none of it shows.
    expect(view.matches[0].record).toMatchObject({ givenName: child.givenName, familyName: child.familyName, ...HISTORY });
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['IDENTITY_UNRESOLVED']);
    const [log] = await harness.database.dataSource.query('SELECT match_status, record_ids FROM disclosure_log WHERE subject_id = $1', [subjectRef.id]);
    expect(log).toEqual({ match_status: 'AMBIGUOUS', record_ids: [view.matches[0].record.id] });
  });

  it('shows a restricted patient by identity without address, postcode or UPRN', async () => {
    const [patient] = await harness.database.dataSource.query(
      `SELECT id::text, given_name, family_name, date_of_birth::text AS date_of_birth FROM patient
        WHERE restricted AND address_line IS NOT NULL ORDER BY id LIMIT 1`,
    );
    expect(patient).toBeDefined();
    const result = await harness.entities([
      subject({ id: 'restricted-possible', givenName: patient.given_name, familyName: patient.family_name, dateOfBirth: patient.date_of_birth }),
    ]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].health;
    expect(view.status).toBe('AMBIGUOUS');
    const match = view.matches.find((candidate: any) => candidate.record.id === patient.id);
    expect(match.record).toMatchObject({ restricted: true, addressLine: null, postcode: null, uprn: null, ...HISTORY });
  });
});
