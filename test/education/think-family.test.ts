import {
  agencyStore, answerSubjects, createLogger, DEFAULT_THRESHOLDS, fixedReferenceDate, type AgencyKit, type AgencyViewShape, type CandidateRow,
  type SyntheticPerson,
} from '@mash/shared';
import { randomUUID } from 'node:crypto';
import { adapter } from '@mash/education';
import { termOn } from '@mash/education/dist/records/calendar';
import { HARNESS_TIMEOUT, openAgencyHarness, representation, testGrant, type AgencyHarness } from '../support/agency';

/**
 * Think family (issue 10): the scenario households as education holds them, the flags their facts
 * raise (with dates), and the associates education links to a matched pupil (contacts on the
 * record, siblings at the same address or sharing a contact), through the shared pipeline.
 */
describe('education subgraph: think family', () => {
  let harness: AgencyHarness;
  let kit: AgencyKit<CandidateRow, unknown, object>;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
    kit = {
      adapter,
      store: agencyStore(harness.database.dataSource),
      thresholds: DEFAULT_THRESHOLDS,
      referenceDate: fixedReferenceDate(harness.population.referenceDate),
      logger: createLogger('education'),
    };
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  const member = (givenName: string, familyName: string): SyntheticPerson => {
    const found = harness.population.scenarios.flatMap((s) => s.household.members).find((m) => m.givenName === givenName && m.familyName === familyName);
    if (!found) throw new Error(`no scenario member ${givenName} ${familyName}`);
    return found;
  };

  /** The pipeline's answer for each person (demographics only, as a referral gives them), associates asked for or not. */
  async function views(people: SyntheticPerson[], associates = true) {
    const subjects = people.map((person) => ({ ...representation(harness.population, person, false), id: `subject-${randomUUID()}` }));
    const request = { requestId: randomUUID(), grant: testGrant('education', subjects.map((s) => s.id)) };
    const answers = await answerSubjects(kit, request, subjects as never, { associates });
    return answers.map((answer, i) => {
      if (answer instanceof Error) throw answer;
      return { subjectId: subjects[i].id, view: answer as AgencyViewShape<any> };
    });
  }
  const codes = (view: AgencyViewShape<any>) => view.flags.map((flag) => flag.code);
  const flag = (view: AgencyViewShape<any>, code: string) => view.flags.find((f) => f.code === code);
  const today = () => harness.population.referenceDate;

  it('raises the scenario facts as flags, each dated by the event behind it', async () => {
    const [keira, mason, jayden, riley, poppy, imogen] = (await views([
      member('Keira', 'Harcourt'), member('Mason', 'Harcourt'), member('Jayden', 'Ashdown'), member('Riley', 'Ashdown'),
      member('Poppy', 'Ashdown'), member('Imogen', 'Quayle'),
    ], false)).map(({ view }) => view);
    for (const view of [keira, mason, jayden, riley, poppy, imogen]) expect(view.status).toBe('MATCHED');

    expect(flag(keira, 'ATTENDANCE_DROP')).toMatchObject({ severity: 'AMBER', date: termOn(today()).start });
    expect(flag(keira, 'FREE_SCHOOL_MEALS')).toMatchObject({ severity: 'GREEN', date: expect.stringMatching(/^\d{4}-09-0\d$/) });
    expect(flag(keira, 'OPERATION_ENCOMPASS_12M')?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(codes(mason)).not.toContain('ATTENDANCE_DROP');
    expect(codes(mason)).toEqual(expect.arrayContaining(['FREE_SCHOOL_MEALS', 'OPERATION_ENCOMPASS_12M']));

    // Home educated since last term: the recent code, never both, and not missing education while the LA has yet to visit.
    expect(flag(jayden, 'ELECTIVE_HOME_EDUCATION_RECENT')).toMatchObject({ severity: 'AMBER', date: jayden.matches[0].record.electiveHomeEducation.notifiedDate });
    expect(codes(jayden)).not.toContain('ELECTIVE_HOME_EDUCATION');
    expect(codes(jayden)).not.toContain('NOT_ON_SCHOOL_ROLL');
    expect(jayden.matches[0].record).toMatchObject({ onRoll: false, electiveHomeEducation: { current: true, suitabilityOutcome: 'PENDING' } });

    expect(flag(riley, 'IN_YEAR_SCHOOL_MOVES')).toMatchObject({ severity: 'AMBER', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(flag(riley, 'IN_YEAR_SCHOOL_MOVES')?.summary).toMatch(/^2 in-year school moves in the last 12 months/);
    expect(codes(poppy)).toEqual(['FREE_SCHOOL_MEALS']);
    expect(flag(imogen, 'ALTERNATIVE_PROVISION')).toMatchObject({ severity: 'AMBER', summary: expect.stringMatching(/mental health needs/) });
    expect(imogen.matches[0].record.alternativeProvision).toMatchObject({ reason: 'MHN', provider: 'Ridgeway Learning Centre' });
    expect(codes(imogen)).toEqual(['ALTERNATIVE_PROVISION']);
  });

  it('does not know Tyler Pengelly at all: NOT_KNOWN, flagged as on no roll, no associates', async () => {
    const [{ view }] = await views([member('Tyler', 'Pengelly')]);
    expect(view.status).toBe('NOT_KNOWN');
    expect(codes(view)).toEqual(['NOT_ON_SCHOOL_ROLL']);
    expect(view.flags[0].date).toBeNull();
    expect(view.associates).toBeNull();
    const [{ n }] = await harness.database.dataSource.query("SELECT count(*)::int AS n FROM pupil WHERE family_name = 'Pengelly'");
    expect(n).toBe(0);
  });

  it("links Keira Harcourt to her contacts (mother, father, step-parent) and her brother, minimal identity only, and logs them", async () => {
    const [{ subjectId, view }] = await views([member('Keira', 'Harcourt')]);
    const mason = member('Mason', 'Harcourt');
    expect(view.associates).toEqual([
      { recordId: expect.any(String), relationship: 'CONTACT', role: 'mother', givenName: 'Danielle', familyName: 'Harcourt', dateOfBirth: member('Danielle', 'Harcourt').dateOfBirth },
      { recordId: expect.any(String), relationship: 'CONTACT', role: 'father', givenName: 'Craig', familyName: 'Harcourt', dateOfBirth: member('Craig', 'Harcourt').dateOfBirth },
      { recordId: expect.any(String), relationship: 'CONTACT', role: 'step-parent', givenName: 'Wayne', familyName: 'Tolley', dateOfBirth: member('Wayne', 'Tolley').dateOfBirth },
      { recordId: expect.any(String), relationship: 'SIBLING', role: null, givenName: 'Mason', familyName: 'Harcourt', dateOfBirth: mason.dateOfBirth },
    ]);
    const recordIds = view.associates!.map((a) => a.recordId);
    expect(recordIds).not.toContain(view.matches[0].record.id);
    const [masonRow] = await harness.database.dataSource.query('SELECT id::text AS id FROM pupil WHERE upn = $1', [mason.upn]);
    expect(recordIds[3]).toBe(masonRow.id);
    const [log] = await harness.database.dataSource.query('SELECT record_ids FROM disclosure_log WHERE subject_id = $1', [subjectId]);
    expect(log.record_ids).toEqual([view.matches[0].record.id, ...recordIds]);
  });

  it('lists the Ashdown siblings of a home-educated child, and the home-educated child as a sibling, in one query for the batch', async () => {
    harness.queries.length = 0;
    const [jayden, riley] = await views([member('Jayden', 'Ashdown'), member('Riley', 'Ashdown')]);
    expect(harness.queries.filter((sql) => sql.includes('pupil_contact'))).toHaveLength(1);
    const names = (view: AgencyViewShape<any>) => view.associates!.map((a) => `${a.relationship} ${a.role ?? '-'} ${a.givenName}`);
    expect(names(jayden.view)).toEqual(['CONTACT mother Lorraine', 'SIBLING - Riley', 'SIBLING - Poppy']);
    expect(names(riley.view)).toEqual(['CONTACT mother Lorraine', 'SIBLING - Jayden', 'SIBLING - Poppy']);
  });

  it('neither reads nor logs associates when the request does not ask for them', async () => {
    harness.queries.length = 0;
    const [{ subjectId, view }] = await views([member('Keira', 'Harcourt')], false);
    expect(harness.queries.filter((sql) => sql.includes('pupil_contact'))).toEqual([]);
    expect(view.associates ?? []).toEqual([]);
    const [log] = await harness.database.dataSource.query('SELECT record_ids FROM disclosure_log WHERE subject_id = $1', [subjectId]);
    expect(log.record_ids).toEqual([view.matches[0].record.id]);
  });

  it('finds a sibling at another address through a shared contact, and one without a UPRN by postcode and address line, each once', async () => {
    const { dataSource } = harness.database;
    const keira = member('Keira', 'Harcourt');
    const [row] = await dataSource.query('SELECT id, postcode, address_line FROM pupil WHERE upn = $1', [keira.upn]);
    const [away] = await dataSource.query(
      `INSERT INTO pupil (given_name, family_name, date_of_birth, sex, postcode, uprn, address_line, blocking_keys)
       VALUES ('Tia', 'Harcourt', '2012-01-20', 'F', 'CV37 6AA', '100099999901', '1 Elsewhere Road, Stratford-upon-Avon', '{}') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO pupil_contact (pupil_id, given_name, family_name, date_of_birth, relationship, priority)
       SELECT $1, given_name, upper(family_name), date_of_birth, relationship, 1 FROM pupil_contact WHERE pupil_id = $2 AND relationship = 'MOTHER'`,
      [away.id, row.id],
    );
    const [noUprn] = await dataSource.query(
      `INSERT INTO pupil (given_name, family_name, date_of_birth, sex, postcode, uprn, address_line, blocking_keys)
       VALUES ('Lily', 'Harcourt', '2019-03-02', 'F', $1, NULL, upper($2), '{}') RETURNING id`,
      [row.postcode, row.address_line],
    );
    // Also sharing the mother, so found two ways: listed once.
    await dataSource.query(
      `INSERT INTO pupil_contact (pupil_id, given_name, family_name, date_of_birth, relationship, priority)
       SELECT $1, given_name, family_name, date_of_birth, relationship, 1 FROM pupil_contact WHERE pupil_id = $2 AND relationship = 'MOTHER'`,
      [noUprn.id, row.id],
    );
    try {
      const [{ view }] = await views([keira]);
      const siblings = view.associates!.filter((a) => a.relationship === 'SIBLING');
      // Siblings oldest first.
      expect(siblings.map((a) => a.givenName)).toEqual(['Tia', 'Mason', 'Lily']);
      expect(siblings.map((a) => a.recordId)).toEqual(expect.arrayContaining([away.id, noUprn.id]));
      expect(new Set(view.associates!.map((a) => a.recordId)).size).toBe(view.associates!.length);
    } finally {
      await dataSource.query('DELETE FROM pupil WHERE id = ANY($1::uuid[])', [[away.id, noUprn.id]]);
    }
  });

  it('answers associates and flag dates through the subgraph schema when the query selects them', async () => {
    const keira = member('Keira', 'Harcourt');
    const result = await harness.execute(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { education {
        status flags { code severity date } associates { recordId relationship role givenName familyName dateOfBirth }
      } } } }`,
      { representations: [representation(harness.population, keira, false)] },
    );
    expect(result.errors).toBeUndefined();
    const view = result.data._entities[0].education;
    expect(view.flags).toEqual(expect.arrayContaining([{ code: 'ATTENDANCE_DROP', severity: 'AMBER', date: termOn(today()).start }]));
    expect(view.associates.map((a: any) => [a.relationship, a.role, a.givenName])).toEqual([
      ['CONTACT', 'mother', 'Danielle'], ['CONTACT', 'father', 'Craig'], ['CONTACT', 'step-parent', 'Wayne'], ['SIBLING', null, 'Mason'],
    ]);
  });

  it('gives every flag a date field: an ISO date or null', async () => {
    const people = harness.population.people.filter((p) => p.schoolAge).slice(0, 60);
    for (const { view } of await views(people, false)) {
      for (const f of view.flags) expect(f.date === null || /^\d{4}-\d{2}-\d{2}$/.test(f.date ?? '')).toBe(true);
    }
  });

  it('returns no associates for a possible (AMBIGUOUS) match', async () => {
    const { dataSource } = harness.database;
    const mason = member('Mason', 'Harcourt');
    const [copy] = await dataSource.query(
      `INSERT INTO pupil (given_name, family_name, date_of_birth, sex, postcode, uprn, address_line, blocking_keys)
       SELECT given_name, family_name, date_of_birth, sex, postcode, uprn, address_line, blocking_keys FROM pupil WHERE upn = $1 RETURNING id`,
      [mason.upn],
    );
    try {
      const [{ view }] = await views([mason]);
      expect(view.status).toBe('AMBIGUOUS');
      expect(view.associates).toBeNull();
    } finally {
      await dataSource.query('DELETE FROM pupil WHERE id = $1', [copy.id]);
    }
  });
});
