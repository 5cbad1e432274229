import { AGENCIES } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

const AGENCY_FIELDS = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' } as const;

const CASE_QUERY = `query($id: ID!) {
  case(id: $id) {
    reference rag status dueBy overdue
    subjects {
      id givenName familyName
      ${Object.values(AGENCY_FIELDS).map((field) => `${field} { status matches { confidence matchedOn } flags { code severity summary } }`).join('\n')}
    }
  }
}`;

describe('triage across the federation', () => {
  let federation: Federation;
  let triageToken: string;

  beforeAll(async () => {
    federation = await startFederation();
    triageToken = await federation.token({ role: 'mash-triage', sub: 'triage-officer-1' });
  });
  afterAll(() => federation?.stop());

  async function demoCase(rag: string) {
    const { body } = await federation.query(`{ cases(rag: [${rag}]) { id reference rag status } }`, {}, triageToken);
    expect(body.errors).toBeUndefined();
    const found = body.data.cases.find((item: any) => item.rag === rag);
    expect(found).toBeDefined();
    return found;
  }

  it('lists the demo cases, one open case per rating at least', async () => {
    const { status, body } = await federation.query('{ cases { id reference rag status dueBy overdue } }', {}, triageToken);
    expect(status).toBe(200);
    const ratings = body.data.cases.map((item: any) => item.rag);
    expect(ratings).toEqual(expect.arrayContaining(['RED', 'AMBER', 'GREEN']));
    expect(body.data.cases.every((item: any) => item.status === 'OPEN')).toBe(true);
  });

  it('shows every subject of the RED case MATCHED by all four agencies, with confidence and flags', async () => {
    const red = await demoCase('RED');
    const { body } = await federation.query(CASE_QUERY, { id: red.id }, triageToken);
    expect(body.errors).toBeUndefined();
    const subjects = body.data.case.subjects;
    expect(subjects).toHaveLength(3);
    for (const subject of subjects) {
      for (const agency of AGENCIES) {
        const view = subject[AGENCY_FIELDS[agency]];
        expect({ agency, status: view.status }).toEqual({ agency, status: 'MATCHED' });
        expect(view.matches[0].confidence).toBeGreaterThanOrEqual(0.95);
        expect(view.matches[0].matchedOn.length).toBeGreaterThan(0);
      }
    }
    const allFlags = subjects.flatMap((subject: any) => AGENCIES.flatMap((agency) => subject[AGENCY_FIELDS[agency]].flags));
    expect(allFlags.some((flag: any) => flag.severity === 'RED')).toBe(true);
  });

  it('answers 401 UNAUTHENTICATED without a token or with a forged one', async () => {
    const none = await federation.query('{ cases { id } }', {}, null);
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await federation.query('{ cases { id } }', {}, triageToken.slice(0, -4) + 'AAAA');
    expect(forged.status).toBe(401);
  });

  describe('receiveReferral', () => {
    const MUTATION = `mutation($input: ReferralInput!) { receiveReferral(input: $input) { id reference status dueBy subjects { id nhsNumber } } }`;
    const valid = () => ({
      referrerName: 'PC 1234',
      referrerOrganisation: 'Warwickshire Police',
      referralSource: '6',
      concern: 'Child seen alone late at night near the canal.',
      subjects: [{ householdRole: 'CHILD', givenName: 'Test', familyName: 'Person', dateOfBirth: '2015-03-04', nhsNumber: '999 000 0018' }],
    });
    const caseCount = async () => Number((await federation.hub.dataSource.query('SELECT count(*) AS n FROM mash_case'))[0].n);

    it('records a valid referral with a normalised NHS number and a due time', async () => {
      const { body } = await federation.query(MUTATION, { input: valid() }, triageToken);
      expect(body.errors).toBeUndefined();
      expect(body.data.receiveReferral.status).toBe('OPEN');
      expect(body.data.receiveReferral.subjects[0].nhsNumber).toBe('9990000018');
    });

    it.each([
      ['an invalid NHS check digit', (input: any) => (input.subjects[0].nhsNumber = '9876544321'), 'subjects[0].nhsNumber'],
      ['no date of birth and no identifier', (input: any) => { input.subjects[0].dateOfBirth = null; input.subjects[0].nhsNumber = null; }, 'subjects[0].dateOfBirth'],
      ['an unknown RAG value', (input: any) => (input.rag = 'PURPLE'), 'rag'],
      ['an over-long field', (input: any) => (input.concern = 'x'.repeat(4001)), 'concern'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_label, spoil, field) => {
      const before = await caseCount();
      const input = valid();
      spoil(input);
      const { body } = await federation.query(MUTATION, { input }, triageToken);
      expect(body.data?.receiveReferral ?? null).toBeNull();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toContain(field);
      expect(await caseCount()).toBe(before);
    });

    it('refuses a governance user with FORBIDDEN', async () => {
      const governance = await federation.token({ role: 'governance' });
      const { body } = await federation.query(MUTATION, { input: valid() }, governance);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    });
  });
});
