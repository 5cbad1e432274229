import { generatePopulation, withinLast12Months, type SyntheticPerson } from '@mash/shared';
import { previousTerm, termOn } from '../../records/calendar';
import { buildSeedRows } from '../build';
import { seedId } from '../ids';
import type { SeedRows } from '../rows';

describe('the education seed: think-family scenario households', () => {
  const population = generatePopulation({ people: 400 });
  const rows = buildSeedRows(population);
  const today = population.referenceDate;
  const members = population.scenarios.flatMap((s) => s.household.members);
  const person = (givenName: string, familyName: string): SyntheticPerson => {
    const found = members.find((m) => m.givenName === givenName && m.familyName === familyName);
    if (!found) throw new Error(`no scenario member ${givenName} ${familyName}`);
    return found;
  };
  const pupilId = (member: SyntheticPerson) => seedId(`pupil:${member.key}`);
  const of = <K extends Exclude<keyof SeedRows, 'schools' | 'pupils'>>(table: K, member: SyntheticPerson): SeedRows[K] =>
    (rows[table] as { pupilId: string }[]).filter((row) => row.pupilId === pupilId(member)) as SeedRows[K];
  const tables = ['enrolments', 'attendance', 'exclusions', 'sen', 'homeEducation', 'missingEducation', 'encompass', 'contacts',
    'alternativeProvision', 'freeSchoolMeals'] as const;

  it('writes nothing at all for a member education does not know: Tyler Pengelly has no pupil and no CME record', () => {
    const tyler = person('Tyler', 'Pengelly');
    expect(tyler.knownTo.education).toBe(false);
    expect(tyler.gaps.notOnSchoolRoll).toBe(true);
    for (const member of members.filter((m) => !m.knownTo.education)) {
      expect(rows.pupils.find((p) => p.id === pupilId(member))).toBeUndefined();
      for (const table of tables) expect(of(table, member)).toEqual([]);
    }
    expect(rows.pupils.filter((p) => p.familyName === 'Pengelly')).toEqual([]);
  });

  it('knows every member education knows, by its deterministic id', () => {
    const known = members.filter((m) => m.knownTo.education);
    expect(known.map((m) => `${m.givenName} ${m.familyName}`).sort()).toEqual(
      ['Imogen Quayle', 'Jayden Ashdown', 'Keira Harcourt', 'Mason Harcourt', 'Poppy Ashdown', 'Riley Ashdown', 'Rupert Quayle'],
    );
    for (const member of known) expect(rows.pupils.find((p) => p.id === pupilId(member))).toMatchObject({ preferredSurname: null });
  });

  it('records Jayden Ashdown as home educated after leaving his school last term, with no school place now', () => {
    const jayden = person('Jayden', 'Ashdown');
    const [ehe] = of('homeEducation', jayden);
    const lastTerm = previousTerm(termOn(today));
    expect(ehe.notifiedDate >= lastTerm.start && ehe.notifiedDate < termOn(today).start).toBe(true);
    expect(ehe).toMatchObject({ suitabilityOutcome: 'PENDING', endedDate: null, laVisitDate: null });
    const enrolments = of('enrolments', jayden);
    expect(enrolments).toEqual([expect.objectContaining({ leavingDate: ehe.notifiedDate, onRoll: false, schoolUrn: ehe.previousSchoolUrn })]);
  });

  it("drops Keira Harcourt's attendance this term at least 20 points below last term's", () => {
    const keira = person('Keira', 'Harcourt');
    const rate = (term: { academicYear: string; term: string }) => {
      const terms = of('attendance', keira).filter((a) => a.academicYear === term.academicYear && a.term === term.term);
      const possible = terms.reduce((sum, a) => sum + a.sessionsPossible, 0);
      return 100 * (1 - terms.reduce((sum, a) => sum + a.sessionsAuthorised + a.sessionsUnauthorised, 0) / possible);
    };
    expect(rate(previousTerm(termOn(today))) - rate(termOn(today))).toBeGreaterThanOrEqual(20);
    const mason = person('Mason', 'Harcourt');
    expect(of('attendance', mason).every((a) => a.sessionsAuthorised + a.sessionsUnauthorised < 0.1 * a.sessionsPossible)).toBe(true);
  });

  it('moves Riley Ashdown school twice in year in the last 12 months, to different schools', () => {
    const enrolments = of('enrolments', person('Riley', 'Ashdown'));
    const moves = enrolments.filter((e) => withinLast12Months(e.entryDate, today) && e.entryDate.slice(5, 7) !== '09');
    expect(moves).toHaveLength(2);
    expect(new Set(enrolments.map((e) => e.schoolUrn)).size).toBe(3);
    expect(enrolments.filter((e) => e.onRoll && e.leavingDate === null)).toHaveLength(1);
  });

  it('places Imogen Quayle in alternative provision now, and nobody else', () => {
    expect(of('alternativeProvision', person('Imogen', 'Quayle'))).toEqual([
      expect.objectContaining({ apReason: 'MHN', endDate: null }),
    ]);
    expect(rows.alternativeProvision.filter((ap) => members.some((m) => pupilId(m) === ap.pupilId))).toHaveLength(1);
  });

  it('makes Keira, Mason and Poppy eligible for free school meals, and not Riley', () => {
    for (const [given, family] of [['Keira', 'Harcourt'], ['Mason', 'Harcourt'], ['Poppy', 'Ashdown']]) {
      expect(of('freeSchoolMeals', person(given, family))).toEqual([expect.objectContaining({ endDate: null })]);
    }
    expect(of('freeSchoolMeals', person('Riley', 'Ashdown'))).toEqual([]);
  });

  it('records nothing else of concern: no suspensions or SEN for scenario children', () => {
    for (const member of members) {
      expect(of('exclusions', member)).toEqual([]);
      expect(of('sen', member)).toEqual([]);
    }
  });

  it("gives the Harcourt children Operation Encompass notifications for the police-attended domestic abuse, at the household's DASH level", () => {
    const notices = of('encompass', person('Keira', 'Harcourt'));
    expect(notices.length).toBe(2);
    expect(notices.every((n) => n.dashRisk === 'HIGH' && withinLast12Months(n.receivedAt, today))).toBe(true);
    expect(of('encompass', person('Riley', 'Ashdown'))).toEqual([]);
  });

  it("lists the household's adults as contacts, mothers first, with their dates of birth", () => {
    const contacts = of('contacts', person('Keira', 'Harcourt'));
    expect(contacts.map(({ givenName, familyName, relationship, priority }) => [givenName, familyName, relationship, priority])).toEqual([
      ['Danielle', 'Harcourt', 'MOTHER', 1],
      ['Craig', 'Harcourt', 'FATHER', 2],
      ['Wayne', 'Tolley', 'STEP_PARENT', 3],
    ]);
    expect(contacts.every((c) => c.dateOfBirth !== null)).toBe(true);
  });
});

describe('the education seed: contacts for the whole population', () => {
  const population = generatePopulation({ people: 400 });
  const rows = buildSeedRows(population);

  it('gives pupils with adults at home their contacts, never a child as a contact, and siblings the same contacts', () => {
    expect(rows.contacts.length).toBeGreaterThan(rows.pupils.length);
    const adults = new Map(population.people.map((p) => [`${p.givenName}|${p.familyName}|${p.dateOfBirth}`, p]));
    const withDob = rows.contacts.filter((c) => c.dateOfBirth !== null);
    expect(withDob.length).toBeGreaterThan(0);
    expect(withDob.every((c) => adults.has(`${c.givenName}|${c.familyName}|${c.dateOfBirth}`))).toBe(true);
    expect(withDob.every((c) => c.dateOfBirth! < '2009-01-01')).toBe(true);
    expect(new Set(rows.contacts.map((c) => c.id)).size).toBe(rows.contacts.length);
  });
});
