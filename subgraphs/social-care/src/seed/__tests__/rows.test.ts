import { generatePopulation, isValidNhsNumber, isValidUpn } from '@mash/shared';
import { ASSESSMENT_FACTOR_CODES } from '../../entities/code-lists';
import { buildSeedRows } from '../household';

describe('buildSeedRows', () => {
  const population = generatePopulation({ people: 400 });
  const rows = buildSeedRows(population);

  it('is deterministic', () => {
    expect(buildSeedRows(generatePopulation({ people: 400 }))).toEqual(rows);
  });

  it('holds a person for everyone known to social care, with valid identifiers', () => {
    const known = population.people.filter((person) => population.agencyView(person, 'social-care'));
    expect(rows.people).toHaveLength(known.length);
    expect(new Set(rows.people.map((p) => p.id)).size).toBe(rows.people.length);
    for (const person of rows.people) {
      if (person.nhsNumber) expect(isValidNhsNumber(person.nhsNumber)).toBe(true);
      if (person.upn) expect(isValidUpn(person.upn)).toBe(true);
    }
  });

  it('puts every child of the RED demo household on a plan, with toxic-trio factors assessed', () => {
    const nhs = population.demo.red.members.filter((m) => m.role === 'CHILD').map((m) => m.nhsNumber);
    const ids = rows.people.filter((p) => nhs.includes(p.nhsNumber)).map((p) => p.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      expect(rows.childProtectionPlans.filter((plan) => plan.personId === id && plan.endDate === null)).toHaveLength(1);
      const referrals = rows.referrals.filter((referral) => referral.personId === id);
      expect(referrals.length).toBeGreaterThanOrEqual(2);
      const factors = rows.assessments.filter((a) => referrals.some((r) => r.id === a.referralId)).flatMap((a) => a.factors);
      expect(factors).toEqual(expect.arrayContaining(['3B', '2B']));
    }
  });

  it('keeps dates in order and codes within their lists', () => {
    for (const referral of rows.referrals) {
      expect(referral.referralDate <= population.referenceDate).toBe(true);
      if (referral.closureDate) expect(referral.closureDate >= referral.referralDate).toBe(true);
    }
    for (const plan of rows.childProtectionPlans) if (plan.endDate) expect(plan.endDate >= plan.startDate).toBe(true);
    for (const assessment of rows.assessments) {
      expect(assessment.factors.every((code) => ASSESSMENT_FACTOR_CODES.includes(code))).toBe(true);
    }
  });
});
