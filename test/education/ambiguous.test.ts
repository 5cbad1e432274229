import { adapter } from '@mash/education';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, type AgencyHarness } from '../support/agency';

/**
 * A possible match is shown with identity only (id and UPN): its history stays null (withheld,
 * not "none") until a practitioner confirms who it is, and the only flag asks for that.
 */
describe('education subgraph: possible (AMBIGUOUS) matches', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('answers AMBIGUOUS for a child registered twice, identity only, flagging only that identity needs resolving', async () => {
    const { population, database } = harness;
    // A real-world duplicate: a second school created a record instead of taking the first one's.
    const person = population.people.find((p) => p.schoolAge && !p.key.startsWith('P00000') && population.agencyView(p, 'education'))!;
    const [original] = await database.dataSource.query('SELECT * FROM pupil WHERE upn = $1', [person.upn]);
    await database.dataSource.query(
      `INSERT INTO pupil (given_name, family_name, date_of_birth, sex, postcode, blocking_keys)
       SELECT given_name, family_name, date_of_birth, sex, postcode, blocking_keys FROM pupil WHERE id = $1`,
      [original.id],
    );
    const subject = representation(population, person, false);
    const result = await harness.entities([subject]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].education;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches).toHaveLength(2);
    expect(view.matches.map((match: any) => match.record.id)).toContain(original.id);
    for (const { record } of view.matches) {
      expect(record).toMatchObject({
        upnTemporary: null, currentSchool: null, onRoll: null, partTime: null, attendanceThisYear: null, exclusionsLast12Months: null,
        senProvision: null, electiveHomeEducation: null, childMissingEducation: null, operationEncompass: null,
      });
    }
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['IDENTITY_UNRESOLVED']);
    const [log] = await database.dataSource.query('SELECT match_status, record_ids FROM disclosure_log WHERE subject_id = $1', [subject.id]);
    expect(log).toEqual({ match_status: 'AMBIGUOUS', record_ids: view.matches.map((match: any) => match.record.id) });
  });
});
