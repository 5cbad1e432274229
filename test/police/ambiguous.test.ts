import { adapter } from '@mash/police';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, type AgencyHarness } from '../support/agency';
import { associatesExecutor, THINK_FAMILY_QUERY } from './associates-executor';

/**
 * A possible match is shown with identity only: its history stays null (withheld, not "none")
 * until a practitioner confirms who it is, and the only flag asks for that.
 */
const THRESHOLDS = { match: 0.99999, possible: 0.6 };

describe('police subgraph: possible (AMBIGUOUS) matches', () => {
  let harness: AgencyHarness;

  beforeAll(async () => {
    // Thresholds are configuration: a bar this high turns the demo matches into possible ones.
    harness = await openAgencyHarness(adapter, { thresholds: THRESHOLDS });
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  it('lists no associates for a possible match (null, not empty), and logs none', async () => {
    const executor = await associatesExecutor(harness, THRESHOLDS);
    try {
      const { population } = harness;
      const child = population.demo.red.members.find((person) => person.role === 'CHILD')!;
      const subject = { ...representation(population, child, false), id: 'subject-ambiguous-associates' };
      const result = await executor.execute(THINK_FAMILY_QUERY, { representations: [subject] });
      expect(result.errors).toBeUndefined();
      const view = result.data._entities[0].police;
      expect(view.status).toBe('AMBIGUOUS');
      expect(view.associates).toBeNull();
      const [log] = await harness.database.dataSource.query('SELECT record_ids FROM disclosure_log WHERE subject_id = $1', [subject.id]);
      expect(log.record_ids).toEqual(view.matches.map((match: any) => match.record.nominalId));
    } finally {
      await executor.stop();
    }
  });

  it('returns the candidate without history and asks for identity to be resolved', async () => {
    const { population } = harness;
    const child = population.demo.red.members.find((person) => person.role === 'CHILD')!;
    const subject = representation(population, child, false);
    const result = await harness.entities([subject]);
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].police;
    expect(view.status).toBe('AMBIGUOUS');
    expect(view.matches).toHaveLength(1);
    expect(view.matches[0].record).toMatchObject({
      givenName: child.givenName,
      familyName: child.familyName,
      warningMarkers: null,
      domesticAbuseLast12Months: null,
      missing: null,
      exploitationFlags: null,
    });
    expect(view.flags.map((flag: any) => flag.code)).toEqual(['IDENTITY_UNRESOLVED']);
    const [log] = await harness.database.dataSource.query('SELECT match_status, record_ids FROM disclosure_log WHERE subject_id = $1', [subject.id]);
    expect(log).toEqual({ match_status: 'AMBIGUOUS', record_ids: [view.matches[0].record.nominalId] });
  });
});
