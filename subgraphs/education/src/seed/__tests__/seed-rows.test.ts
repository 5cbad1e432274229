import { createRng, generatePopulation } from '@mash/shared';
import { buildSeedRows } from '../build';
import { pupilRow, trueIdentity } from '../pupil-row';

describe('the education seed rows', () => {
  const population = generatePopulation({ people: 400 });

  it('are the same every time for the same population', () => {
    expect(buildSeedRows(generatePopulation({ people: 400 }))).toEqual(buildSeedRows(population));
  });

  it('hold only children, with every demo child on roll', () => {
    const rows = buildSeedRows(population);
    expect(rows.pupils.every((pupil) => pupil.dateOfBirth > '2007-09-01')).toBe(true);
    const { red, amber, green } = population.demo;
    const demoChildren = [red, amber, green].flatMap((h) => h.members).filter((m) => m.schoolAge);
    const onRoll = new Set(rows.enrolments.filter((e) => e.onRoll).map((e) => e.pupilId));
    const pupilIds = rows.pupils.filter((p) => demoChildren.some((c) => c.upn === p.upn)).map((p) => p.id);
    expect(pupilIds).toHaveLength(demoChildren.length);
    expect(pupilIds.every((id) => onRoll.has(id))).toBe(true);
  });

  it('refuses a UPN that fails its check letter', () => {
    const person = population.demo.red.members.find((m) => m.schoolAge)!;
    const identity = { ...trueIdentity(person, population.demo.red), upn: 'G937200124009' };
    expect(() => pupilRow(identity, person, population.demo.red, createRng('test'))).toThrow(
      /refused P\d+: UPN G937200124009 fails the check letter/,
    );
  });
});
