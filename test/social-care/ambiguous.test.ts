import { recordBlockingKeys } from '@mash/shared';
import { adapter } from '@mash/social-care';
import { HARNESS_TIMEOUT, openAgencyHarness, subject, type AgencyHarness } from '../support/agency';

const WITHHELD = [
  'currentStatuses', 'openReferral', 'currentChildProtectionPlan', 'childProtectionPlansEndedLast12Months', 'previousChildProtectionPlans',
  'currentLookedAfterEpisode', 'referralsLast12Months', 'assessmentFactors', 'openEarlyHelp', 'openSection42Enquiries',
];

/**
 * A possible match is shown with identity only: its episodes stay null (withheld, not "none")
 * until a practitioner confirms who it is, and the only flag asks for that.
 */
describe('social-care subgraph: possible (AMBIGUOUS) matches', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
    const keys = (postcode: string) => recordBlockingKeys({ givenName: 'Tamsin', familyName: 'Pellowe', dateOfBirth: '2016-05-04', postcode });
    await harness.database.dataSource.query(`
      INSERT INTO sc_person (person_id, given_name, family_name, date_of_birth, gender_code, postcode, blocking_keys, is_adult)
      VALUES ('WCC-990001', 'Tamsin', 'Pellowe', '2016-05-04', 2, 'CV34 4RL', $1, false),
             ('WCC-990002', 'Tamsin', 'Pellowe', '2016-05-04', 2, 'CV35 7AB', $2, false)`,
      [keys('CV34 4RL'), keys('CV35 7AB')]);
    await harness.database.dataSource.query(
      `INSERT INTO sc_child_protection_plan (person_id, start_date, initial_category, latest_category) VALUES ('WCC-990002', '2026-06-01', 'NEG', 'NEG')`,
    );
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('returns both candidates without their episodes, loads no records, and asks for identity to be resolved', async () => {
    const tamsin = subject({ id: 'subject-tamsin', givenName: 'Tamsin', familyName: 'Pellowe', dateOfBirth: '2016-05-04', gender: 'FEMALE' });
    harness.queries.length = 0;
    const result = await harness.entities([tamsin]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].socialCare;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches.map((match: any) => match.record.personId).sort()).toEqual(['WCC-990001', 'WCC-990002']);
    for (const { record } of view.matches) {
      expect(record.isAdult).toBe(false);
      for (const field of WITHHELD) expect(record[field]).toBeNull();
    }
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['IDENTITY_UNRESOLVED']);
    // The candidate query and the disclosure log only: no one's history is read for a possible match.
    expect(harness.queries).toHaveLength(2);
    const [log] = await harness.database.dataSource.query('SELECT match_status, record_ids FROM disclosure_log WHERE subject_id = $1', [tamsin.id]);
    expect(log.match_status).toBe('AMBIGUOUS');
    expect([...log.record_ids].sort()).toEqual(['WCC-990001', 'WCC-990002']);
  });
});
