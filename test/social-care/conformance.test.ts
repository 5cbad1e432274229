import { CONFORMANCE_PEOPLE } from '@mash/shared';
import { adapter } from '@mash/social-care';
import { HARNESS_TIMEOUT, openAgencyHarness, subject, type AgencyHarness } from '../support/agency';

const AS_OF = '2026-11-01';
const asSubject = (key: string, withIdentifiers: boolean) => {
  const person = CONFORMANCE_PEOPLE.find((p) => p.key === key)!;
  return subject({
    id: `conformance-${key}-${withIdentifiers}`, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth,
    gender: person.gender, ...(withIdentifiers ? { postcode: person.postcode, nhsNumber: person.nhsNumber, upn: person.upn } : {}),
  });
};

describe('social-care conformance fixture', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter, { seed: false, referenceDate: AS_OF });
    await adapter.conformance.insert(harness.database.dataSource, CONFORMANCE_PEOPLE, AS_OF);
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('writes every person with their episodes, and a second run changes nothing', async () => {
    const count = async () => (await harness.database.dataSource.query(`
      SELECT (SELECT count(*) FROM sc_person)::int AS people, (SELECT count(*) FROM sc_referral)::int AS referrals,
        (SELECT count(*) FROM sc_assessment)::int AS assessments, (SELECT count(*) FROM sc_early_help_episode)::int AS "earlyHelp"`))[0];
    const first = await count();
    expect(first).toEqual({ people: 4, referrals: 4, assessments: 4, earlyHelp: 4 });
    await adapter.conformance.insert(harness.database.dataSource, CONFORMANCE_PEOPLE, AS_OF);
    expect(await count()).toEqual(first);
  });

  it('makes each person findable by identifiers, with the early help social care holds', async () => {
    const result = await harness.entities([asSubject('C01', true)]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].socialCare;
    expect(view.status).toBe('MATCHED');
    expect(view.matches[0].record).toMatchObject({ personId: 'CONF-C01', isAdult: false, currentStatuses: ['EARLY_HELP'] });
    expect(view.matches[0].record.referralsLast12Months).toHaveLength(1);
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['OPEN_EARLY_HELP']);
  });

  it('leaves the two same-named children AMBIGUOUS on name and date of birth alone', async () => {
    const result = await harness.entities([asSubject('C03', false)]);
    const view = result.data._entities[0].socialCare;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches.map((match: any) => match.record.personId).sort()).toEqual(['CONF-C03', 'CONF-C04']);
  });

  it('declares no domestic-abuse items: social care holds none that are DASH-graded', () => {
    expect(adapter.conformance.domesticAbuse).toBeUndefined();
  });
});
