import { isTemporaryUpn, isValidUpn } from '../../identifiers/upn';
import { recordBlockingKeys, subjectBlockingKeys } from '../../matching/blocking';
import { classify } from '../../matching/classify';
import { areNicknames } from '../nicknames';
import { scorePair } from '../../matching/score';
import type { PersonFacts } from '../../matching/types';
import { generatePopulation } from '../population';
import { AGENCIES } from '../types';
import type { AgencyPersonView, SyntheticPerson, VariantKind } from '../types';

const population = generatePopulation({ people: 2000 });
const { people, households } = population;
const householdOf = new Map(households.map((h) => [h.key, h]));
const views: { person: SyntheticPerson; view: AgencyPersonView; agency: (typeof AGENCIES)[number] }[] = people.flatMap((person) =>
  AGENCIES.flatMap((agency) => {
    const view = population.agencyView(person, agency);
    return view ? [{ person, view, agency }] : [];
  }),
);
const withVariant = (kind: VariantKind) => views.filter(({ view }) => view.variants.includes(kind));

describe('agencyView', () => {
  it('is null where the agency does not know the person', () => {
    for (const person of people) {
      for (const agency of AGENCIES) expect(population.agencyView(person, agency) === null).toBe(!person.knownTo[agency]);
    }
  });

  it('is the same whenever and in whatever order it is asked', () => {
    const again = generatePopulation({ people: 2000 });
    for (const { person, agency, view } of views.slice().reverse()) expect(again.agencyView(person, agency)).toEqual(view);
  });

  it.each(['NICKNAME', 'HYPHENATED_SURNAME', 'DOB_DAY_MONTH_SWAPPED', 'PREVIOUS_POSTCODE', 'TEMPORARY_UPN', 'MISSING_NHS_NUMBER'] as const)(
    'produces %s at least once, in a few percent of records',
    (kind) => {
      expect(withVariant(kind).length).toBeGreaterThan(0);
      expect(withVariant(kind).length / views.length).toBeLessThan(0.05);
    },
  );

  it('applies each variant only where it can happen', () => {
    for (const { person, view, agency } of views) {
      const household = householdOf.get(person.householdKey)!;
      const has = (kind: VariantKind) => view.variants.includes(kind);
      expect(view.givenName === person.givenName).toBe(!has('NICKNAME'));
      if (has('NICKNAME')) expect(areNicknames(view.givenName, person.givenName)).toBe(true);
      if (has('HYPHENATED_SURNAME')) expect(view.familyName.split('-')).toContain(person.familyName);
      if (has('DOB_DAY_MONTH_SWAPPED')) {
        const [year, month, day] = person.dateOfBirth.split('-');
        expect(Number(day)).toBeLessThanOrEqual(12);
        expect(day).not.toBe(month);
        expect(view.dateOfBirth).toBe(`${year}-${day}-${month}`);
      }
      expect(view.postcode).toBe(has('PREVIOUS_POSTCODE') ? household.previousPostcode : household.postcode);
      if (has('TEMPORARY_UPN')) expect(agency === 'education' && isTemporaryUpn(view.upn!) && view.upn !== person.upn).toBe(true);
      if (has('MISSING_NHS_NUMBER')) expect(agency !== 'health' && view.nhsNumber === null && person.nhsNumber !== null).toBe(true);
    }
  });

  it('holds the identifiers each agency realistically holds', () => {
    for (const { person, view, agency } of views) {
      if (view.upn) expect(isValidUpn(view.upn)).toBe(true);
      if (agency === 'health') expect([view.nhsNumber, view.upn, view.pncId]).toEqual([person.nhsNumber, null, null]);
      if (agency === 'education') expect([view.nhsNumber, view.pncId]).toEqual([null, null]);
      if (agency === 'police') expect([view.upn, view.pncId]).toEqual([null, person.pncId]);
      if (agency === 'social-care') expect(view.pncId).toBeNull();
      if (view.nhsNumber !== null) expect(view.nhsNumber).toBe(person.nhsNumber);
    }
    const share = (agency: string) => {
      const held = views.filter((v) => v.agency === agency && v.person.nhsNumber);
      return held.filter((v) => v.view.nhsNumber).length / held.length;
    };
    expect(share('police')).toBeLessThan(0.5);
    expect(share('social-care')).toBeLessThan(1);
    expect(share('social-care')).toBeGreaterThan(share('police'));
  });

  it('lets the matcher find every record on demographics alone, and never the wrong person', () => {
    const truth = (p: SyntheticPerson): PersonFacts =>
      ({ ...p, nhsNumber: null, upn: null, pncId: null, postcode: householdOf.get(p.householdKey)!.postcode });
    const block = new Map<string, SyntheticPerson[]>();
    for (const p of people) {
      for (const key of recordBlockingKeys(truth(p))) block.set(key, [...(block.get(key) ?? []), p]);
    }
    let matched = 0;
    for (const { person, view } of views) {
      const subject = { ...view, nhsNumber: null, upn: null, pncId: null };
      const candidates = new Set(subjectBlockingKeys(subject).flatMap((key) => block.get(key) ?? []));
      const result = classify([...candidates].map((record) => ({ record, score: scorePair(subject, truth(record)) })));
      if (result.status === 'MATCHED') expect(result.matches[0].record).toBe(person);
      if (result.status === 'MATCHED') matched++;
    }
    expect(matched / views.length).toBeGreaterThan(0.99);
  });
});
