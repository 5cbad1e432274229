import { generatePopulation, type SyntheticPerson } from '@mash/shared';
import { buildHealthRows } from '..';
import { stableId } from '../ids';

const population = generatePopulation({ people: 400 });
const rows = buildHealthRows(population);
const scenarioPeople = population.scenarios.flatMap((scenario) => scenario.household.members);
const patientOf = (person: SyntheticPerson) => rows.patients.find((patient) => patient.id === stableId('patient', person.key));
const person = (givenName: string, familyName: string) => scenarioPeople.find((p) => p.givenName === givenName && p.familyName === familyName)!;
const of = <T extends { patientId: string }>(list: T[], who: SyntheticPerson) => list.filter((row) => row.patientId === stableId('patient', who.key));

describe('health seed: think-family scenario households', () => {
  it('writes a patient for every scenario member known to health, and none for one who is not', () => {
    for (const member of scenarioPeople) expect(!!patientOf(member)).toBe(member.knownTo.health);
    const ava = person('Ava', 'Pengelly');
    expect(ava.knownTo.health).toBe(false);
    expect(rows.patients.some((patient) => patient.givenName === 'Ava' && patient.familyName === 'Pengelly')).toBe(false);
  });

  it("holds Shannon Pengelly at the household's previous address, as health's view of her has it", () => {
    const shannon = person('Shannon', 'Pengelly');
    const household = population.scenarios.find((scenario) => scenario.name === 'baby-and-child-missing-education')!.household;
    const view = population.agencyView(shannon, 'health')!;
    expect(patientOf(shannon)).toMatchObject({ postcode: household.previousPostcode, addressLine: view.addressLine, uprn: view.uprn });
    expect(patientOf(person('Tyler', 'Pengelly'))?.postcode).toBe(household.postcode);
  });

  it('turns each health fact into its row, and writes nothing of concern for anyone else', () => {
    const shannon = person('Shannon', 'Pengelly');
    const [episode] = of(rows.maternityEpisodes, shannon);
    expect(episode.gestationAtBookingWeeks).toBeGreaterThan(12);
    expect(episode.deliveryDate! < population.referenceDate).toBe(true);
    expect(episode.babyPatientId).toBeNull();
    expect(of(rows.fgmRecords, person('Marian', 'Quayle'))).toEqual([expect.objectContaining({ kind: 'FGM_IDENTIFIED', active: true })]);
    expect(of(rows.unscheduledCareAttendances, person('Danielle', 'Harcourt'))).toEqual([expect.objectContaining({ presentation: 'DOMESTIC_ABUSE' })]);
    expect(of(rows.mentalHealthInvolvements, person('Edith', 'Blamire'))).toHaveLength(1);
    expect(of(rows.substanceMisuseTreatments, person('Graham', 'Blamire'))).toHaveLength(1);
    for (const member of scenarioPeople) {
      const facts = member.scenario?.health ?? {};
      expect(of(rows.mentalHealthInvolvements, member).length).toBe(facts.mentalHealth ? 1 : 0);
      expect(of(rows.substanceMisuseTreatments, member).length).toBe(facts.substanceMisuse ? 1 : 0);
      expect(of(rows.maternityEpisodes, member).length).toBe(facts.maternity ? 1 : 0);
      expect(of(rows.fgmRecords, member).length).toBe(facts.fgm ? 1 : 0);
      expect(of(rows.unscheduledCareAttendances, member).length).toBe(facts.daRelatedAttendance ? 1 : 0);
      expect(of(rows.wasNotBroughtEvents, member)).toEqual([]);
      expect(of(rows.safeguardingCodes, member)).toEqual([]);
      expect(of(rows.cpisRecords, member)).toEqual([]);
    }
  });

  it('gives the same ids every run, and links babies born to household mothers', () => {
    const again = buildHealthRows(generatePopulation({ people: 400 }));
    expect(again.maternityEpisodes).toEqual(rows.maternityEpisodes);
    expect(again.fgmRecords).toEqual(rows.fgmRecords);
    const linked = rows.maternityEpisodes.filter((episode) => episode.babyPatientId);
    expect(linked.length).toBeGreaterThan(0);
    for (const episode of linked) {
      const baby = rows.patients.find((patient) => patient.id === episode.babyPatientId)!;
      expect(episode.deliveryDate).toBe(baby.dateOfBirth);
    }
  });
});
