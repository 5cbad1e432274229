import { randomUUID } from 'node:crypto';
import {
  agencyStore, answerSubjects, createLogger, DEFAULT_THRESHOLDS, DisclosureLog, fixedReferenceDate, type AgencyKit, type AgencyViewShape, type CandidateRow,
  type Scenario, type SubjectReference,
} from '@mash/shared';
import { adapter } from '@mash/health';
import type { GraphQLError } from 'graphql';
import { HARNESS_TIMEOUT, openAgencyHarness, representationAt, subject, type AgencyHarness, type Representation } from '../support/agency';

/**
 * Think family (issue 10) at health: the scenario households' facts as seeded rows and flags, and
 * associates (MOTHER, CHILD, SAME_ADDRESS) through the pipeline with `associates` asked for.
 */
/** A representation as the pipeline takes it (the resolver's root: its gender is one of the enum's values). */
const reference = (representation: Representation): SubjectReference => representation as SubjectReference;

describe('health: think family', () => {
  let harness: AgencyHarness;
  let kit: AgencyKit<CandidateRow, unknown, object>;

  beforeAll(async () => {
    harness = await openAgencyHarness(adapter);
    kit = {
      adapter: harness.adapter,
      store: agencyStore(harness.database.dataSource),
      thresholds: DEFAULT_THRESHOLDS,
      referenceDate: fixedReferenceDate(harness.population.referenceDate),
      logger: createLogger('health'),
    };
  }, HARNESS_TIMEOUT);
  afterAll(() => harness?.close(), HARNESS_TIMEOUT);

  /** The pipeline's answer for each subject, with or without associates; the request id the disclosure log names. */
  async function answer(subjects: Representation[], associates = true) {
    const requestId = randomUUID();
    const views = await answerSubjects(kit, { requestId, grant: null }, subjects.map(reference), { associates });
    for (const view of views) expect((view as GraphQLError).extensions).toBeUndefined();
    return { views: views as AgencyViewShape<any>[], requestId };
  }

  const scenario = (name: string): Scenario => harness.population.scenarios.find((candidate) => candidate.name === name)!;
  const member = (name: string, givenName: string) => {
    const found = scenario(name);
    return representationAt(found.household.members.find((person) => person.givenName === givenName)!, found.household, true);
  };
  const flag = (view: AgencyViewShape<any>, code: string) => view.flags.find((candidate) => candidate.code === code);

  it('seeds the domestic-abuse household: mother open to AMHS with a DA attendance, father in treatment, dated', async () => {
    const { views } = await answer([member('household-domestic-abuse', 'Danielle'), member('household-domestic-abuse', 'Craig')], false);
    const [danielle, craig] = views;
    expect(flag(danielle, 'PARENT_MENTAL_HEALTH')).toMatchObject({ severity: 'AMBER', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(flag(danielle, 'DA_RELATED_ATTENDANCE_12M')).toMatchObject({ severity: 'AMBER', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(flag(danielle, 'PARENT_SUBSTANCE_MISUSE')).toBeUndefined();
    expect(flag(craig, 'PARENT_SUBSTANCE_MISUSE')).toMatchObject({ severity: 'AMBER', date: expect.any(String) });
    expect(flag(craig, 'DA_RELATED_ATTENDANCE_12M')).toBeUndefined();
  });

  it('holds nothing of concern for scenario members without health facts (the children, the lodger)', async () => {
    const household = scenario('household-domestic-abuse').household;
    const others = household.members.filter((person) => !person.scenario?.health);
    expect(others.length).toBe(3);
    const { views } = await answer(others.map((person) => representationAt(person, household, true)), false);
    for (const view of views) {
      expect(view.status).toBe('MATCHED');
      expect(view.flags).toEqual([]);
    }
  });

  it('seeds FGM for the mother in the honour-based abuse household (AMBER: daughters may be at risk), not for her daughter', async () => {
    const { views } = await answer([member('honour-based-abuse-and-radicalisation', 'Marian'), member('honour-based-abuse-and-radicalisation', 'Imogen')], false);
    expect(flag(views[0], 'FGM_RECORDED')).toMatchObject({ severity: 'AMBER', summary: expect.stringMatching(/daughters/), date: expect.any(String) });
    expect(flag(views[1], 'FGM_RECORDED')).toBeUndefined();
  });

  it('flags the adults of the section 42 household: Edith for mental health, Graham for substance misuse', async () => {
    const { views } = await answer([member('adult-section-42', 'Edith'), member('adult-section-42', 'Graham')], false);
    expect(views.map((view) => view.flags.map((f) => f.code))).toEqual([['PARENT_MENTAL_HEALTH'], ['PARENT_SUBSTANCE_MISUSE']]);
  });

  describe('the baby-and-child-missing-education household', () => {
    it('holds no record of the baby: NOT_KNOWN, with NOT_REGISTERED_WITH_GP', async () => {
      const ava = member('baby-and-child-missing-education', 'Ava');
      expect(ava.nhsNumber).toBeNull();
      const { views } = await answer([ava]);
      expect(views[0]).toMatchObject({ status: 'NOT_KNOWN', matches: [], associates: null });
      expect(views[0].flags).toEqual([expect.objectContaining({ code: 'NOT_REGISTERED_WITH_GP', date: null })]);
      const [{ count }] = await harness.database.dataSource.query(
        `SELECT count(*)::int AS count FROM patient WHERE given_name = 'Ava' AND family_name = 'Pengelly'`,
      );
      expect(count).toBe(0);
    });

    it("holds the mother at the family's previous address, with a late booking dated by the booking and no link to a baby", async () => {
      const household = scenario('baby-and-child-missing-education').household;
      const { views } = await answer([member('baby-and-child-missing-education', 'Shannon')]);
      const [shannon] = views;
      expect(shannon.status).toBe('MATCHED');
      expect(household.previousPostcode).not.toBeNull();
      expect(shannon.matches[0].record).toMatchObject({ postcode: household.previousPostcode, addressLine: household.previousAddressLine });
      expect(shannon.matches[0].candidate.postcode).toBe(household.previousPostcode);
      const late = flag(shannon, 'LATE_BOOKING')!;
      expect(late).toMatchObject({ severity: 'AMBER' });
      expect(late.date).toBe(shannon.matches[0].record.maternity.bookingDate);
      expect(shannon.matches[0].record.maternity).toMatchObject({ lateBooking: true });
      expect(shannon.associates!.filter((associate) => associate.relationship === 'CHILD')).toEqual([]);
    });
  });

  describe('associates', () => {
    interface Link { mother_id: string; baby_id: string }
    let link: Link;
    const byId = async (id: string, label: string): Promise<Representation> => {
      const [row] = await harness.database.dataSource.query(
        `SELECT given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, nhs_number FROM patient WHERE id = $1`, [id],
      );
      return subject({ id: label, givenName: row.given_name, familyName: row.family_name, dateOfBirth: row.dob, nhsNumber: row.nhs_number });
    };

    beforeAll(async () => {
      [link] = await harness.database.dataSource.query(
        `SELECT m.patient_id::text AS mother_id, m.baby_patient_id::text AS baby_id FROM maternity_episode m
           JOIN patient b ON b.id = m.baby_patient_id JOIN patient p ON p.id = m.patient_id
          WHERE b.nhs_number IS NOT NULL AND p.nhs_number IS NOT NULL AND NOT p.restricted ORDER BY m.id LIMIT 1`,
      );
      expect(link).toBeDefined();
    });

    it('links a baby to its mother (MOTHER) and the mother to the baby (CHILD), once each, with minimal identity', async () => {
      const { views, requestId } = await answer([await byId(link.baby_id, 'baby'), await byId(link.mother_id, 'mother')]);
      const [baby, mother] = views;
      expect(baby.matches[0].record.id).toBe(link.baby_id);
      const toMother = baby.associates!.filter((associate) => associate.recordId === link.mother_id);
      expect(toMother).toHaveLength(1);
      expect(toMother[0].relationship).toBe('MOTHER');
      expect(Object.keys(toMother[0]).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'recordId', 'relationship', 'role']);
      expect(toMother[0].dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const toBaby = mother.associates!.filter((associate) => associate.recordId === link.baby_id);
      expect(toBaby.map((associate) => associate.relationship)).toEqual(['CHILD']);
      // Family first; never the subject themself; no one twice.
      expect(baby.associates![0].relationship).toBe('MOTHER');
      for (const [view, own] of [[baby, link.baby_id], [mother, link.mother_id]] as const) {
        const ids = view.associates!.map((associate) => associate.recordId);
        expect(ids).not.toContain(own);
        expect(new Set(ids).size).toBe(ids.length);
      }
      // The disclosure log names every associate disclosed.
      const rows = await harness.database.dataSource.getRepository(DisclosureLog).find({ where: { requestId } });
      const logged = rows.find((row) => row.subjectId === 'baby')!;
      expect(logged.recordIds).toEqual([link.baby_id, ...baby.associates!.map((associate) => associate.recordId)]);
    });

    it('lists the other members of a household at the same address, in a stable order', async () => {
      const household = scenario('home-educated-with-concerns').household;
      const lorraine = member('home-educated-with-concerns', 'Lorraine');
      const first = (await answer([lorraine])).views[0];
      const names = first.associates!.map((associate) => `${associate.givenName} ${associate.familyName}`);
      expect(names).toEqual(expect.arrayContaining(['Jayden Ashdown', 'Riley Ashdown', 'Poppy Ashdown']));
      expect(names).not.toContain('Lorraine Ashdown');
      expect(first.associates!.filter((associate) => associate.familyName === 'Ashdown').every((associate) => associate.relationship === 'SAME_ADDRESS' && associate.role === null)).toBe(true);
      const again = (await answer([lorraine])).views[0];
      expect(again.associates).toEqual(first.associates);
      expect(household.members).toHaveLength(4);
    });

    it('gives no associates to a restricted patient, and never lists one at an address', async () => {
      // The seed makes one household in a hundred known to health restricted (PDS sensitive).
      const [pair] = await harness.database.dataSource.query(
        `SELECT r.id::text AS restricted_id, o.id::text AS neighbour_id FROM patient r JOIN patient o ON o.uprn = r.uprn AND o.id <> r.id
          WHERE r.restricted AND r.nhs_number IS NOT NULL AND o.nhs_number IS NOT NULL ORDER BY r.id, o.id LIMIT 1`,
      );
      expect(pair).toBeDefined();
      const { views } = await answer([await byId(pair.restricted_id, 'restricted'), await byId(pair.neighbour_id, 'neighbour')]);
      expect(views.map((view) => view.status)).toEqual(['MATCHED', 'MATCHED']);
      expect(views[0].associates!.filter((associate) => associate.relationship === 'SAME_ADDRESS')).toEqual([]);
      expect(views[1].associates!.map((associate) => associate.recordId)).not.toContain(pair.restricted_id);
    });

    it("finds the lodger at the domestic-abuse household's address, living there but named in no referral", async () => {
      const { views } = await answer([member('household-domestic-abuse', 'Danielle')]);
      expect(views[0].associates).toEqual(expect.arrayContaining([
        expect.objectContaining({ relationship: 'SAME_ADDRESS', givenName: 'Wayne', familyName: 'Tolley', role: null }),
        expect.objectContaining({ relationship: 'SAME_ADDRESS', givenName: 'Craig', familyName: 'Harcourt' }),
      ]));
      expect(views[0].associates).toHaveLength(4);
    });

    it('answers null associates for an AMBIGUOUS answer, and logs only the candidates', async () => {
      const strict = { ...kit, thresholds: { match: 0.99999, possible: 0.6 } };
      const requestId = randomUUID();
      const person = member('home-educated-with-concerns', 'Jayden');
      const [view] = (await answerSubjects(strict, { requestId, grant: null }, [reference({ ...person, nhsNumber: null })], { associates: true })) as AgencyViewShape<any>[];
      expect(view).toMatchObject({ status: 'AMBIGUOUS', associates: null });
      const [log] = await harness.database.dataSource.query('SELECT record_ids FROM disclosure_log WHERE request_id = $1', [requestId]);
      expect(log.record_ids).toEqual(view.matches.map((match) => match.record.id));
    });

    it('answers null associates for NOT_KNOWN, and none at all when not asked', async () => {
      const nobody = subject({ id: 'nobody', familyName: 'Quillfeather', dateOfBirth: '1901-01-01' });
      const { views } = await answer([nobody]);
      expect(views[0]).toMatchObject({ status: 'NOT_KNOWN', associates: null });
      const { views: unasked } = await answer([await byId(link.mother_id, 'mother')], false);
      expect(unasked[0].associates).toEqual([]);
    });

    it('loads them in one statement: candidates, records, associates, disclosure log', async () => {
      const subjects = [await byId(link.baby_id, 'baby'), await byId(link.mother_id, 'mother'), member('home-educated-with-concerns', 'Riley')];
      harness.queries.length = 0;
      await answer(subjects);
      expect(harness.queries.filter((sql) => /maternity_episode m WHERE m\.baby_patient_id/.test(sql))).toHaveLength(1);
      expect(harness.queries).toHaveLength(4);
    });
  });
});
