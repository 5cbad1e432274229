import { addDays, generatePopulation, type SyntheticPerson } from '@mash/shared';
import { buildSeedRows } from '../household';
import { relationOf } from '../relationships';

describe('scenario households in the social-care seed', () => {
  const population = generatePopulation({ people: 400 });
  const rows = buildSeedRows(population);
  const today = population.referenceDate;
  const members = population.scenarios.flatMap((scenario) => scenario.household.members);
  const member = (givenName: string) => members.find((person) => person.givenName === givenName)!;
  const rowOf = (person: SyntheticPerson) =>
    rows.people.find((row) => row.givenName === person.givenName && row.familyName === person.familyName && row.dateOfBirth === person.dateOfBirth);
  const idOf = (givenName: string) => rowOf(member(givenName))!.id;
  const referralsOf = (id: string) => rows.referrals.filter((referral) => referral.personId === id);
  const assessmentsOf = (id: string) => rows.assessments.filter((a) => referralsOf(id).some((referral) => referral.id === a.referralId));
  const yearAgo = addDays(today, -365);

  it('writes a person for every scenario member known to social care, and none for the others', () => {
    expect(members.length).toBeGreaterThan(10);
    for (const person of members) {
      if (person.knownTo['social-care']) expect(rowOf(person)).toBeDefined();
      else expect(rowOf(person)).toBeUndefined();
    }
    expect(rowOf(member('Wayne'))).toBeUndefined();
    expect(rowOf(member('Graham'))).toBeUndefined();
  });

  it('is deterministic: the same ids every run', () => {
    const again = buildSeedRows(generatePopulation({ people: 400 }));
    const ids = (r: typeof rows) => [...r.childProtectionPlans, ...r.section42Enquiries, ...r.referrals].map((row) => row.id);
    expect(ids(again)).toEqual(ids(rows));
    expect(again.relationships).toEqual(rows.relationships);
  });

  it('puts Riley on an open plan (neglect) with 16A and 2B assessed in the last year', () => {
    const id = idOf('Riley');
    const plans = rows.childProtectionPlans.filter((plan) => plan.personId === id);
    expect(plans).toEqual([expect.objectContaining({ endDate: null, latestCategory: 'NEG' })]);
    const assessed = assessmentsOf(id).filter((a) => a.startDate > yearAgo);
    expect(assessed.flatMap((a) => a.factors)).toEqual(expect.arrayContaining(['16A', '2B']));
  });

  it('gives Poppy a plan that ended within the last two years, and nothing open', () => {
    const id = idOf('Poppy');
    const plans = rows.childProtectionPlans.filter((plan) => plan.personId === id);
    expect(plans).toHaveLength(1);
    expect(plans[0].endDate! > addDays(today, -730) && plans[0].endDate! <= today).toBe(true);
    expect(referralsOf(id).every((referral) => referral.closureDate !== null)).toBe(true);
  });

  it('opens CIN episodes for Jayden (24A, 10A) and Imogen (22A), assessed in the last year', () => {
    for (const [name, factors] of [['Jayden', ['24A', '10A']], ['Imogen', ['22A']]] as const) {
      const id = idOf(name);
      expect(referralsOf(id).filter((referral) => referral.closureDate === null)).toHaveLength(1);
      expect(rows.childProtectionPlans.filter((plan) => plan.personId === id)).toHaveLength(0);
      const assessed = assessmentsOf(id).filter((a) => a.startDate > yearAgo && a.startDate <= today);
      expect(assessed.flatMap((a) => a.factors)).toEqual(expect.arrayContaining([...factors]));
    }
  });

  it('opens a self-neglect s42 enquiry for Edith', () => {
    const enquiries = rows.section42Enquiries.filter((enquiry) => enquiry.personId === idOf('Edith'));
    expect(enquiries).toEqual([expect.objectContaining({ endDate: null, riskTypes: ['SELF_NEGLECT'], enquiryType: 'S42' })]);
  });

  it('writes nothing of concern for members without social-care facts', () => {
    for (const name of ['Danielle', 'Craig', 'Keira', 'Mason', 'Shannon', 'Tyler', 'Lorraine', 'Marian', 'Gerald', 'Rupert']) {
      const id = idOf(name);
      expect(referralsOf(id)).toEqual([]);
      expect(rows.childProtectionPlans.filter((plan) => plan.personId === id)).toEqual([]);
      expect(rows.section42Enquiries.filter((enquiry) => enquiry.personId === id)).toEqual([]);
      expect(rows.earlyHelpEpisodes.filter((episode) => episode.personId === id)).toEqual([]);
    }
  });

  it('records the Harcourt family both ways round, and nobody the authority does not hold', () => {
    const find = (from: string, to: string) => rows.relationships.find((r) => r.personId === idOf(from) && r.relatedPersonId === idOf(to));
    expect(find('Keira', 'Danielle')).toMatchObject({ relationship: 'PARENT', role: 'mother', sinceDate: member('Keira').dateOfBirth });
    expect(find('Danielle', 'Keira')).toMatchObject({ relationship: 'CHILD', role: 'daughter' });
    expect(find('Keira', 'Craig')).toMatchObject({ relationship: 'PARENT', role: 'father' });
    expect(find('Keira', 'Mason')).toMatchObject({ relationship: 'SIBLING', role: 'brother' });
    expect(find('Danielle', 'Craig')).toMatchObject({ relationship: 'PARTNER' });
    const ids = new Set(rows.people.map((row) => row.id));
    for (const r of rows.relationships) {
      expect(ids.has(r.personId) && ids.has(r.relatedPersonId)).toBe(true);
      expect(r.personId).not.toBe(r.relatedPersonId);
      expect(rows.relationships.some((back) => back.personId === r.relatedPersonId && back.relatedPersonId === r.personId)).toBe(true);
    }
  });
});

describe('relationOf', () => {
  const at = (role: SyntheticPerson['role'], genderCode: 0 | 1 | 2, dateOfBirth: string | null = '1990-01-01') =>
    ({ role, row: { id: role, genderCode, dateOfBirth } });

  it('records a step-parent, a kinship carer and siblings in the authority’s words', () => {
    expect(relationOf(at('CHILD', 2), at('PARTNER', 1))).toMatchObject({ relationship: 'PARENT', role: 'stepfather' });
    expect(relationOf(at('PARTNER', 1), at('CHILD', 2))).toMatchObject({ relationship: 'CHILD', role: 'stepdaughter' });
    expect(relationOf(at('CHILD', 1), at('CARER', 2))).toMatchObject({ relationship: 'PARENT', role: 'grandmother (kinship carer)' });
    expect(relationOf(at('CARER', 2), at('CHILD', 1))).toMatchObject({ relationship: 'FAMILY_MEMBER', role: 'grandson (in kinship care)' });
    expect(relationOf(at('CHILD', 1, '2015-01-01'), at('SIBLING', 0, '2005-01-01'))).toEqual({ relationship: 'SIBLING', role: 'sibling', sinceDate: '2015-01-01' });
  });

  it('records nothing the roles do not say', () => {
    expect(relationOf(at('OTHER_ADULT', 1), at('PARTNER', 2))).toBeNull();
  });
});
