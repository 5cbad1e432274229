import { GraphQLError } from 'graphql';
import { checkSubject } from '../../../agency/subject-check';
import { isValidNhsNumber } from '../../../identifiers/nhs-number';
import { isValidPncId } from '../../../identifiers/pnc-id';
import { isTemporaryUpn, isValidUpn } from '../../../identifiers/upn';
import { validateIdentifier } from '../../../identifiers/validate';
import type { SubjectReference } from '../../../subject';
import { AGENCIES } from '../../../synthetic/types';
import { swapDayMonth } from '../../dates';
import { normaliseName } from '../../normalise';
import type { PersonFacts } from '../../types';
import { generateEvaluationSet } from '../generate';
import type { EvaluationCase } from '../generate';
import { MATCHING_VARIATIONS } from '../variations';
import type { MatchingVariation } from '../variations';

const set = generateEvaluationSet();
const person = new Map(set.world.people.map((p) => [p.key, p]));
const household = new Map(set.world.households.map((h) => [h.key, h]));
const subjectOf = (item: EvaluationCase) => person.get(item.people.subject)!;
const casesOf = (variation: MatchingVariation) => set.cases.filter((c) => c.variation === variation);
const recordsById = new Map(AGENCIES.flatMap((agency) => set.records[agency].map((r) => [r.id, r] as const)));
const IDENTIFIERS = ['nhsNumber', 'upn', 'pncId'] as const;
const KIND = { nhsNumber: 'NHS_NUMBER', upn: 'UPN', pncId: 'PNC_ID' } as const;
const checked = (item: EvaluationCase, facts: PersonFacts) =>
  checkSubject({ ...facts, id: item.id, familyName: facts.familyName ?? '' } as unknown as SubjectReference);
const first = (givenName: string | null | undefined) => (givenName ?? '').split(' ')[0];

/** Valid and from the synthetic ranges: NHS 999 test numbers, Warwickshire (937) UPNs, PNC IDs with their check character. */
function isGenerated(kind: (typeof IDENTIFIERS)[number], value: string): boolean {
  if (kind === 'nhsNumber' && !/^999\d{7}$/.test(value)) return false;
  if (kind === 'upn' && value.slice(1, 4) !== '937') return false;
  return { nhsNumber: isValidNhsNumber, upn: isValidUpn, pncId: (v: string) => isValidPncId(v) }[kind](value) === true;
}

describe('generateEvaluationSet', () => {
  it('is the same set for the same seed, and another for another seed', () => {
    const small = { subjects: 240, population: 1500 };
    const a = generateEvaluationSet(small);
    const b = generateEvaluationSet(small);
    expect(JSON.stringify(b.cases)).toBe(JSON.stringify(a.cases));
    expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records));
    expect(JSON.stringify(generateEvaluationSet({ ...small, seed: 7 }).cases)).not.toBe(JSON.stringify(a.cases));
  });

  it('has at least 5,000 subjects, every variation in equal measure', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(5000);
    for (const variation of MATCHING_VARIATIONS) expect(casesOf(variation)).toHaveLength(set.cases.length / MATCHING_VARIATIONS.length);
  });

  it('gives every agency at least 40 cases of every variation where it holds the person', () => {
    for (const variation of MATCHING_VARIATIONS.filter((v) => v !== 'non-match')) {
      for (const agency of AGENCIES) {
        const held = casesOf(variation).filter((c) => c.truth[agency].recordId !== null).length;
        expect({ variation, agency, enough: held >= 40 }).toEqual({ variation, agency, enough: true });
      }
    }
  });

  it('makes true non-matches of people no agency holds', () => {
    for (const item of casesOf('non-match')) {
      expect(subjectOf(item).unknown).toBe(true);
      for (const agency of AGENCIES) expect(item.truth[agency].recordId).toBeNull();
    }
  });

  it('points the truth at the record of the person the referral is about', () => {
    for (const item of set.cases.slice(0, 500)) {
      for (const agency of AGENCIES) {
        const id = item.truth[agency].recordId;
        expect(id === null).toBe(!subjectOf(item).held[agency]);
        if (id) expect(recordsById.get(id)!.identities[0].dateOfBirth?.slice(0, 4)).toBe(subjectOf(item).dateOfBirth.slice(0, 4));
      }
    }
  });

  it('includes the issue’s own examples', () => {
    const details = set.cases.map((c) => c.detail ?? '');
    for (const [a, b] of [['Penny', 'Penelope'], ['Sasha', 'Alexandra'], ['Tilly', 'Matilda'], ['Misha', 'Mikhail'], ['Kuba', 'Jakub']]) {
      expect(casesOf('nickname').some((c) => c.detail!.includes(a) && c.detail!.includes(b))).toBe(true);
    }
    for (const [a, b] of [['Ibrahim', 'Ebrahim'], ['Omar', 'Umar'], ['Joseph', 'Josef'], ['Mohammed', 'Muhammad']]) {
      expect(casesOf('transliteration').some((c) => c.detail!.includes(a) && c.detail!.includes(b))).toBe(true);
    }
    for (const pair of ['Jayden', 'Amelia', 'Charlie']) expect(details.some((d) => d.includes(pair) && d.includes('/'))).toBe(true);
    expect(casesOf('first-letter-variant').some((c) => /Katherine/.test(c.detail!) && /Catherine/.test(c.detail!) && /moved/.test(c.detail!))).toBe(true);
  });
});

describe('identifiers', () => {
  it('are valid wherever the variation does not say otherwise, and pass the agencies’ input check', () => {
    for (const item of set.cases.filter((c) => c.variation !== 'identifier-invalid')) {
      for (const kind of IDENTIFIERS) if (item.subject[kind]) expect({ kind, value: item.subject[kind], generated: isGenerated(kind, item.subject[kind]!) }).toEqual({ kind, value: item.subject[kind], generated: true });
      expect(checked(item, item.subject)).not.toBeInstanceOf(GraphQLError);
    }
  });

  it('are valid in every agency record', () => {
    // Every identifier of every record checked; the ones that are not as generated, named.
    const wrong: string[] = [];
    for (const agency of AGENCIES) {
      for (const record of set.records[agency]) {
        for (const identity of record.identities) {
          for (const kind of IDENTIFIERS) if (identity[kind] && !isGenerated(kind, identity[kind]!)) wrong.push(`${agency} ${record.id} ${kind} ${identity[kind]}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('fail their check in identifier-invalid, which the agencies reject and the correction drops', () => {
    for (const item of casesOf('identifier-invalid')) {
      const given = IDENTIFIERS.filter((kind) => item.subject[kind]);
      expect(given).toHaveLength(1);
      expect(validateIdentifier(KIND[given[0]], item.subject[given[0]]!).ok).toBe(false);
      const rejected = checked(item, item.subject);
      expect(rejected).toBeInstanceOf(GraphQLError);
      expect((rejected as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      expect(IDENTIFIERS.every((kind) => !item.corrected![kind])).toBe(true);
    }
  });

  it('belong to a sibling or a stranger, held by the agency aimed at, where the variation says so', () => {
    for (const item of [...casesOf('identifier-sibling'), ...casesOf('identifier-stranger')]) {
      const owner = person.get(item.people.identifierOwner!)!;
      const kind = IDENTIFIERS.find((k) => item.subject[k])!;
      expect(item.subject[kind]).toBe(owner[kind]);
      expect(owner.key).not.toBe(item.people.subject);
      expect(owner.householdKey === subjectOf(item).householdKey).toBe(item.variation === 'identifier-sibling');
      expect(item.truth[item.target].identifierOwnerRecordId).not.toBeNull();
    }
  });

  it('differ between referral and record in temporary-upn, one of the two temporary', () => {
    for (const item of casesOf('temporary-upn')) {
      const recorded = subjectOf(item).recorded.upn ?? subjectOf(item).upn!;
      expect(item.subject.upn).not.toBe(recorded);
      expect(isTemporaryUpn(item.subject.upn!) !== isTemporaryUpn(recorded)).toBe(true);
    }
  });
});

describe('people the matcher could confuse', () => {
  it('makes twins: same date of birth, same household and postcode, each the other’s twin', () => {
    for (const item of casesOf('twin')) {
      const [one, other] = [subjectOf(item), person.get(item.people.sibling!)!];
      expect(other.dateOfBirth).toBe(one.dateOfBirth);
      expect(other.householdKey).toBe(one.householdKey);
      expect([one.twinKey, other.twinKey]).toEqual([other.key, one.key]);
      expect(item.subject.dateOfBirth).toBe(one.dateOfBirth);
      expect(item.subject.postcode).toBe(household.get(one.householdKey)!.postcode);
      expect(item.truth[item.target].siblingRecordId).not.toBeNull();
    }
  });

  it('makes siblings of one household who are not twins', () => {
    for (const item of casesOf('sibling')) {
      const [one, other] = [subjectOf(item), person.get(item.people.sibling!)!];
      expect(other.householdKey).toBe(one.householdKey);
      expect(one.twinKey === other.key).toBe(false);
    }
  });

  it('makes namesakes: same names, same birth year, another date, same town, another household', () => {
    for (const item of casesOf('same-name-same-year')) {
      const [one, other] = [subjectOf(item), person.get(item.people.namesake!)!];
      expect([other.givenName, other.familyName]).toEqual([one.givenName, one.familyName]);
      expect(other.dateOfBirth.slice(0, 4)).toBe(one.dateOfBirth.slice(0, 4));
      expect(other.dateOfBirth).not.toBe(one.dateOfBirth);
      expect(other.householdKey).not.toBe(one.householdKey);
      const outward = (p: typeof one) => household.get(p.householdKey)!.postcode.split(' ')[0];
      expect(outward(other)).toBe(outward(one));
    }
  });
});

describe('variations', () => {
  const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

  it('change the date of birth as named', () => {
    for (const item of casesOf('dob-day-month-swap')) expect(item.subject.dateOfBirth).toBe(swapDayMonth(subjectOf(item).dateOfBirth));
    for (const item of casesOf('dob-one-day')) expect(days(item.subject.dateOfBirth!, subjectOf(item).dateOfBirth)).toBe(1);
    for (const item of casesOf('dob-one-year')) {
      const truth = subjectOf(item).dateOfBirth;
      expect(item.subject.dateOfBirth!.slice(5)).toBe(truth.slice(5));
      expect(Math.abs(Number(item.subject.dateOfBirth!.slice(0, 4)) - Number(truth.slice(0, 4)))).toBe(1);
    }
  });

  it('make one-letter slips after the first letter', () => {
    for (const [variation, field] of [['surname-typo', 'familyName'], ['given-name-typo', 'givenName']] as const) {
      for (const item of casesOf(variation)) {
        const truth = subjectOf(item)[field];
        const given = field === 'givenName' ? first(item.subject.givenName) : item.subject.familyName!;
        expect(given).not.toBe(truth);
        expect(given[0]).toBe(truth[0]);
        expect(Math.abs(given.length - truth.length)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('give one part of a double-barrelled surname', () => {
    for (const item of casesOf('surname-one-part')) {
      const parts = subjectOf(item).familyName.split(/[- ]/);
      expect(parts.length).toBeGreaterThan(1);
      expect(parts).toContain(item.subject.familyName);
    }
  });

  it('move the referral and keep the record at the old address', () => {
    for (const variation of ['moved', 'surname-change-and-move'] as const) {
      for (const item of casesOf(variation)) expect(item.subject.postcode).not.toBe(household.get(subjectOf(item).householdKey)!.postcode);
    }
    for (const item of casesOf('surname-change-and-move')) expect(item.subject.familyName).not.toBe(subjectOf(item).familyName);
  });

  it('leave out the postcode or the sex', () => {
    for (const item of casesOf('missing-postcode')) expect([null, 'ZZ99 3VZ', 'ZZ99 3WZ']).toContain(item.subject.postcode);
    for (const item of casesOf('missing-sex')) expect([null, 'UNKNOWN']).toContain(item.subject.gender);
  });

  it('change the first letter of the given name, and one more thing', () => {
    for (const item of casesOf('first-letter-variant')) {
      const truth = subjectOf(item);
      expect(normaliseName(first(item.subject.givenName))[0]).not.toBe(normaliseName(truth.givenName)[0]);
      const others = [
        item.subject.familyName !== truth.familyName,
        item.subject.dateOfBirth !== truth.dateOfBirth,
        item.subject.postcode !== household.get(truth.householdKey)!.postcode,
      ];
      expect(others.filter(Boolean)).toHaveLength(1);
    }
  });

  it('give a name the record holds only as part of the given names (middle name)', () => {
    for (const item of casesOf('middle-name')) {
      const truth = subjectOf(item);
      const recorded = truth.recorded.givenName!;
      expect(first(item.subject.givenName)).not.toBe(first(recorded));
      expect(`${item.subject.givenName} ${recorded}`).toContain(truth.middleName!);
    }
  });

  it('give a nickname or another spelling in place of the recorded given name', () => {
    for (const variation of ['nickname', 'transliteration'] as const) {
      for (const item of casesOf(variation)) {
        const truth = subjectOf(item);
        expect(normaliseName(first(item.subject.givenName))).not.toBe(normaliseName(truth.recorded.givenName ?? truth.givenName));
      }
    }
  });
});
