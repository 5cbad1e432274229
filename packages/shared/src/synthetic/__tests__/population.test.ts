import { isValidNhsNumber } from '../../identifiers/nhs-number';
import { isValidPncId } from '../../identifiers/pnc-id';
import { normalisePostcode } from '../../identifiers/postcode';
import { isTemporaryUpn, isValidUpn } from '../../identifiers/upn';
import { ageOn } from '../dates';
import { OUTWARD_CODES } from '../places';
import { generatePopulation } from '../population';

const population = generatePopulation({ people: 2000 });
const { referenceDate } = population;
// The think-family scenario households are written by hand (scenarios.ts), after the random ones.
const scenarioKeys = new Set(population.scenarios.map((scenario) => scenario.household.key));
const households = population.households.filter((h) => !scenarioKeys.has(h.key));
const people = households.flatMap((h) => h.members);
const ageOf = (dateOfBirth: string) => ageOn(dateOfBirth, referenceDate);

const expectUnique = (values: string[]) => expect(new Set(values).size).toBe(values.length);

describe('generatePopulation', () => {
  it('is deterministic for the same options and differs for another seed', () => {
    expect(JSON.stringify(generatePopulation({ people: 2000 }))).toEqual(JSON.stringify(population));
    expect(generatePopulation({ people: 300, seed: 1 }).people[5]).not.toEqual(generatePopulation({ people: 300, seed: 2 }).people[5]);
  });

  it('uses the documented defaults', () => {
    expect(population.seed).toBe(20160501);
    expect(referenceDate).toBe('2026-11-01');
    expect(generatePopulation().people.length).toBe(population.people.length);
  });

  it.each([100, 2000, 7000])('gives %i people to within 10%, plus the scenario households', (requested) => {
    const generated = generatePopulation({ people: requested });
    const size = generated.people.length - generated.scenarios.reduce((sum, scenario) => sum + scenario.household.members.length, 0);
    expect(Math.abs(size - requested)).toBeLessThanOrEqual(requested * 0.1);
  });

  it('rejects sizes it cannot serve', () => {
    expect(() => generatePopulation({ people: 2_000_000 })).toThrow(RangeError);
    expect(() => generatePopulation({ referenceDate: '1/11/2026' })).toThrow('YYYY-MM-DD');
  });

  it('gives checksum-valid identifiers, unique across the population', () => {
    const nhs = people.flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : []));
    const upns = people.flatMap((p) => (p.upn ? [p.upn] : []));
    const pncs = people.flatMap((p) => (p.pncId ? [p.pncId] : []));
    expect(nhs.every((n) => n.startsWith('999') && isValidNhsNumber(n))).toBe(true);
    expect(upns.every((u) => u.slice(1, 4) === '937' && isValidUpn(u))).toBe(true);
    expect(pncs.every((p) => /^\d{4}\/\d{7}[A-Z]$/.test(p) && isValidPncId(p, new Date(referenceDate)))).toBe(true);
    for (const ids of [nhs, upns, pncs]) expectUnique(ids);
    expect(upns.some(isTemporaryUpn)).toBe(true);
    expect(pncs.length).toBeGreaterThan(0);
  });

  it('gives identifiers only to whom they belong', () => {
    for (const person of people) {
      if (person.upn) expect(person.schoolAge).toBe(true);
      if (person.pncId) expect(ageOf(person.dateOfBirth)).toBeGreaterThanOrEqual(18);
      expect(person.schoolAge).toBe(ageOf(person.dateOfBirth) >= 5 && ageOf(person.dateOfBirth) <= 16);
    }
  });

  it('places households at valid, unique Warwickshire addresses', () => {
    const outwards = new Set(OUTWARD_CODES.map(([outward]) => outward));
    for (const h of households) {
      for (const postcode of [h.postcode, h.previousPostcode ?? h.postcode]) {
        expect(normalisePostcode(postcode)).toBe(postcode);
        expect(outwards.has(postcode.split(' ')[0])).toBe(true);
      }
      expect(h.uprn).toMatch(/^\d{12}$/);
      expect(h.previousPostcode === null).toBe(h.previousUprn === null);
    }
    expectUnique(households.flatMap((h) => [h.uprn, ...(h.previousUprn ? [h.previousUprn] : [])]));
    expectUnique(households.map((h) => `${h.addressLine} ${h.postcode}`));
    expect(households.some((h) => h.previousPostcode !== null)).toBe(true);
  });

  it('builds households of 1-6 with adults 18-70 and children 0-17', () => {
    for (const h of households) {
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(6);
      expect(h.members.some((m) => ageOf(m.dateOfBirth) >= 18)).toBe(true);
      for (const m of h.members) {
        const age = ageOf(m.dateOfBirth);
        expect(m.householdKey).toBe(h.key);
        if (m.role === 'CHILD') expect(age).toBeLessThan(18);
        else expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(70);
      }
    }
    const withChildren = households.filter((h) => h.members.some((m) => m.role === 'CHILD'));
    const twoParents = withChildren.filter((h) => h.members.filter((m) => m.role === 'PARENT').length === 2);
    expect(twoParents.length / withChildren.length).toBeGreaterThan(0.5);
    expect(withChildren.some((h) => h.members.filter((m) => m.role === 'PARENT').length === 1)).toBe(true);
    expect(households.some((h) => h.members.every((m) => ageOf(m.dateOfBirth) >= 60))).toBe(true);
    expectUnique(people.map((p) => p.key));
  });

  it('gives most households no traits and ~8% domestic abuse, mostly STANDARD', () => {
    const none = households.filter((h) => Object.values(h.traits).every((v) => v === false || v === null));
    const da = households.filter((h) => h.traits.domesticAbuse !== null);
    expect(none.length / households.length).toBeGreaterThan(0.6);
    expect(da.length / households.length).toBeGreaterThan(0.04);
    expect(da.length / households.length).toBeLessThan(0.12);
    expect(da.filter((h) => h.traits.domesticAbuse === 'STANDARD').length / da.length).toBeGreaterThan(0.5);
  });

  it('appends the think-family scenarios after everyone else, leaving the random population as it was', () => {
    const { scenarios } = population;
    expect(scenarios.map((scenario) => scenario.name)).toEqual([
      'household-domestic-abuse', 'baby-and-child-missing-education', 'home-educated-with-concerns', 'honour-based-abuse-and-radicalisation', 'adult-section-42',
    ]);
    expect(population.households.slice(-scenarios.length).map((h) => h.key)).toEqual(scenarios.map((scenario) => scenario.household.key));
    for (const scenario of scenarios) {
      const keys = scenario.household.members.map((member) => member.key);
      for (const referred of scenario.referred) expect(keys).toContain(referred.key);
      expect(Object.values(scenario.household.traits).every((value) => value === false || value === null)).toBe(true);
    }
    // Someone the referral does not name, for triage to find as an associate.
    const abuse = scenarios[0];
    expect(abuse.household.members.filter((member) => !abuse.referred.some((r) => r.key === member.key)).map((m) => m.givenName)).toEqual(['Wayne']);
    const baby = scenarios[1].household.members.find((member) => member.givenName === 'Ava')!;
    expect(baby).toMatchObject({ nhsNumber: null, knownTo: { health: false, police: false, 'social-care': false, education: false } });
    expect(ageOf(baby.dateOfBirth)).toBe(0);
    // Health still holds the mother at the old address: the agencies disagree on where she lives.
    const mother = scenarios[1].household.members[0];
    expect(population.agencyView(mother, 'health')!.postcode).toBe(scenarios[1].household.previousPostcode);
    expect(population.agencyView(mother, 'social-care')!.postcode).toBe(scenarios[1].household.postcode);
    expect(scenarios.find((scenario) => scenario.pathway === 'ADULTS')!.referred.map((r) => r.as)).toEqual(['ADULT_AT_RISK', 'ALLEGED_PERPETRATOR']);
    // A smaller population has the same random households at its start and the same scenarios at its end.
    const small = generatePopulation({ people: 500 });
    expect(small.households[10]).toEqual(population.households[10]);
    expect(small.scenarios.map((scenario) => scenario.household.members.map((m) => `${m.givenName} ${m.dateOfBirth}`))).toEqual(
      scenarios.map((scenario) => scenario.household.members.map((m) => `${m.givenName} ${m.dateOfBirth}`)));
  });

  it('includes children no single agency sees', () => {
    const children = people.filter((p) => p.role === 'CHILD');
    expect(children.some((c) => c.gaps.notRegisteredWithGp && !c.knownTo.health)).toBe(true);
    expect(children.some((c) => c.gaps.notOnSchoolRoll && !c.knownTo.education)).toBe(true);
    expect(children.some((c) => c.gaps.electiveHomeEducation && !c.knownTo.education)).toBe(true);
    expect(people.some((p) => p.nhsNumber === null)).toBe(true);
  });

  it('decides who each agency knows as DOMAIN.md describes', () => {
    for (const h of households.slice(3)) {
      const policeTraits = h.traits.domesticAbuse !== null || h.traits.missingChild || h.traits.exploitation !== null;
      const { childInNeed, childProtectionPlan, earlyHelp, lookedAfterChild, adultSafeguarding } = h.traits;
      const careTraits = childInNeed || childProtectionPlan || earlyHelp || lookedAfterChild || adultSafeguarding;
      for (const p of h.members) {
        expect(p.knownTo.health).toBe(!p.gaps.notRegisteredWithGp);
        expect(p.knownTo.education).toBe(p.schoolAge && !p.gaps.notOnSchoolRoll && !p.gaps.electiveHomeEducation);
        if (policeTraits || p.pncId) expect(p.knownTo.police).toBe(true);
        if (careTraits) expect(p.knownTo['social-care']).toBe(true);
      }
    }
    const adults = people.filter((p) => ageOf(p.dateOfBirth) >= 18);
    const known = adults.filter((p) => p.knownTo.police).length / adults.length;
    expect(known).toBeGreaterThan(0.08);
    expect(known).toBeLessThan(0.3);
  });
});
