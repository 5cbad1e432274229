import { AGENCIES } from '../types';
import { DEMO_SURNAMES } from '../demo';
import { generatePopulation } from '../population';

const population = generatePopulation({ people: 2000 });
const { demo, households } = population;

describe('demo households', () => {
  it('are the first three households', () => {
    expect([demo.red, demo.amber, demo.green]).toEqual(households.slice(0, 3));
  });

  it.each(['red', 'amber', 'green'] as const)('%s has two parents and three school-age children, all known everywhere with no gaps', (rating) => {
    const household = demo[rating];
    expect(household.members.map((m) => m.role).sort()).toEqual(['CHILD', 'CHILD', 'CHILD', 'PARENT', 'PARENT']);
    expect(household.members.filter((m) => m.role === 'CHILD').every((c) => c.schoolAge && c.upn && !/[A-Z]$/.test(c.upn))).toBe(true);
    expect(household.previousPostcode).toBeNull();
    for (const member of household.members) {
      expect(member.familyName).toBe(DEMO_SURNAMES[rating]);
      expect(member.nhsNumber).not.toBeNull();
      expect(member.gaps).toEqual({ notRegisteredWithGp: false, notOnSchoolRoll: false, electiveHomeEducation: false });
      for (const agency of AGENCIES) {
        const view = population.agencyView(member, agency);
        expect(view).not.toBeNull();
        expect(view!.variants).toEqual([]);
        expect(view!.givenName).toBe(member.givenName);
        expect(view!.postcode).toBe(household.postcode);
        if (agency !== 'education') expect(view!.nhsNumber).toBe(member.nhsNumber);
      }
    }
  });

  it('carry the RAG traits', () => {
    expect(demo.red.traits).toMatchObject({
      domesticAbuse: 'HIGH', childProtectionPlan: true, parentalSubstanceMisuse: true, persistentAbsence: true, missingChild: true,
    });
    expect(demo.amber.traits).toMatchObject({ domesticAbuse: 'STANDARD', earlyHelp: true, parentalMentalHealth: true, persistentAbsence: true });
    expect(Object.values(demo.green.traits).every((v) => v === false || v === null)).toBe(true);
    expect(demo.red.members.some((m) => m.pncId)).toBe(true);
  });

  it('have surnames no other household uses, even in part', () => {
    const surnames = Object.values(DEMO_SURNAMES);
    for (const h of generatePopulation({ people: 20_000 }).households.slice(3)) {
      for (const m of h.members) expect(surnames.some((s) => m.familyName.includes(s))).toBe(false);
    }
  });
});
