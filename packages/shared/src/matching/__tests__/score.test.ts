import { classify } from '../classify';
import { DEFAULT_THRESHOLDS } from '../model';
import { scorePair } from '../score';
import type { PersonFacts, ScoredCandidate } from '../types';

const william: PersonFacts = {
  givenName: 'William', familyName: 'Hughes', dateOfBirth: '2014-03-09', gender: 'MALE', postcode: 'CV34 4RL',
};
const score = (a: PersonFacts, b: PersonFacts) => scorePair(a, b).confidence;
const candidates = (subject: PersonFacts, records: PersonFacts[]): ScoredCandidate<PersonFacts>[] =>
  records.map((record) => ({ record, score: scorePair(subject, record) }));

describe('scorePair', () => {
  it('treats an exact NHS number as decisive, even when the record has moved on', () => {
    const result = scorePair(
      { ...william, nhsNumber: '999 000 0018' },
      { givenName: 'Bill', familyName: 'Hughes-Khan', dateOfBirth: '2014-09-03', postcode: 'B46 3AB', nhsNumber: '9990000018' },
    );
    expect(result.confidence).toBeGreaterThanOrEqual(0.999);
    expect(result.matchedOn).toEqual(expect.arrayContaining(['NHS_NUMBER', 'GIVEN_NAME_NICKNAME', 'FAMILY_NAME_PARTIAL', 'DATE_OF_BIRTH_SWAPPED']));
  });

  it.each([
    ['UPN', { upn: 'G937200124001' }],
    ['PNC ID', { pncId: '2019/0123456E' }],
  ])('treats an exact %s as decisive when the date of birth corroborates it', (_kind, id) => {
    expect(score({ givenName: 'Amy', dateOfBirth: '2014-03-09', ...id }, { familyName: 'Jones', dateOfBirth: '2014-03-09', ...id })).toBeGreaterThanOrEqual(0.999);
  });

  it.each([
    ['UPN', { upn: 'G937200124001' }],
    ['PNC ID', { pncId: '2019/0123456E' }],
    ['NHS number', { nhsNumber: '9990000018' }],
  ])('flags an exact %s that name, sex and date of birth contradict as a conflict, never a match', (_kind, id) => {
    const result = scorePair({ ...william, ...id }, { ...william, givenName: 'Sophie', gender: 'FEMALE', dateOfBirth: '2011-07-30', ...id });
    expect(result.identifierAgrees).toBe(true);
    expect(result.corroborated).toBe(false);
    expect(result.matchedOn).toContain('IDENTIFIER_CONFLICT');
    expect(result.confidence).toBeLessThan(0.6);
  });

  it('corroborates an identifier by family name and birth year when the date is out', () => {
    const result = scorePair({ ...william, nhsNumber: '9990000018' }, { ...william, dateOfBirth: '2014-11-22', nhsNumber: '9990000018' });
    expect(result.corroborated).toBe(true);
    expect(result.confidence).toBeGreaterThanOrEqual(0.999);
  });

  it('matches a nickname with the same date of birth and postcode', () => {
    const result = scorePair(william, { ...william, givenName: 'Bill' });
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.matchedOn).toEqual(['FAMILY_NAME', 'GIVEN_NAME_NICKNAME', 'DATE_OF_BIRTH', 'POSTCODE', 'GENDER']);
  });

  it('matches a day/month-swapped date of birth', () => {
    const result = scorePair(william, { ...william, dateOfBirth: '2014-09-03' });
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.matchedOn).toContain('DATE_OF_BIRTH_SWAPPED');
  });

  it.each([
    ['within the same outward code', 'CV34 5AB'],
    ['to another town', 'CV21 2PQ'],
  ])('matches on name and date of birth after a move %s', (_how, postcode) => {
    expect(score(william, { ...william, postcode })).toBeGreaterThanOrEqual(0.95);
  });

  it('matches a hyphenated surname', () => {
    const result = scorePair(william, { ...william, familyName: 'Hughes-Patel' });
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.matchedOn).toContain('FAMILY_NAME_PARTIAL');
  });

  it('matches a typo in the family name', () => {
    const result = scorePair({ ...william, familyName: 'Thompson' }, { ...william, familyName: 'Thomson' });
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.matchedOn).toContain('FAMILY_NAME_TYPO');
  });

  it('does not match a sibling at the same address', () => {
    expect(score(william, { ...william, givenName: 'Grace', gender: 'FEMALE', dateOfBirth: '2011-06-21' })).toBeLessThan(0.6);
    expect(score(william, { ...william, givenName: 'George', dateOfBirth: '2016-01-30' })).toBeLessThan(0.6);
  });

  it('does not match a parent who shares the child\'s names', () => {
    expect(score(william, { ...william, dateOfBirth: '1984-05-17' })).toBeLessThan(0.6);
  });

  it('lets a conflicting NHS number give way only to every other fact agreeing exactly', () => {
    const subject = { ...william, nhsNumber: '9990000018' };
    expect(classify(candidates(subject, [{ ...william, nhsNumber: '9990000026' }])).status).toBe('MATCHED');
    const noAddress = { ...subject, postcode: null };
    expect(classify(candidates(noAddress, [{ ...noAddress, nhsNumber: '9990000026' }])).status).not.toBe('MATCHED');
  });

  it('is neutral about missing values and invalid identifiers', () => {
    const bare = scorePair({ givenName: 'William' }, { familyName: 'Hughes' });
    expect(bare.weight).toBe(0);
    expect(bare.matchedOn).toEqual([]);
    expect(scorePair({ ...william, nhsNumber: '9876544321' }, william).weight).toBe(scorePair(william, william).weight);
    expect(scorePair({ ...william, gender: 'UNKNOWN' }, william).matchedOn).not.toContain('GENDER');
  });

  it('does not count a temporary UPN differing from a permanent one against the match', () => {
    const result = scorePair({ ...william, upn: 'F93720012401A' }, { ...william, upn: 'G937200124001' });
    expect(result.weight).toBe(scorePair(william, william).weight);
  });
});

describe('classify', () => {
  const jackHughes: PersonFacts = { ...william, givenName: 'Jack', gender: 'MALE' };

  it('matches the one record for the person', () => {
    const sister: PersonFacts = { ...william, givenName: 'Grace', gender: 'FEMALE', dateOfBirth: '2011-06-21' };
    const result = classify(candidates({ ...william, givenName: 'Bill' }, [william, sister]));
    expect(result.status).toBe('MATCHED');
    expect(result.matches.map((m) => m.record)).toEqual([william]);
  });

  it('keeps twins apart: each twin matches only their own record', () => {
    for (const twin of [william, jackHughes]) {
      const result = classify(candidates(twin, [william, jackHughes]));
      expect(result.status).toBe('MATCHED');
      expect(result.matches[0].record).toBe(twin);
    }
  });

  it('reports a clear non-match as NOT_KNOWN', () => {
    const stranger: PersonFacts = { givenName: 'Priya', familyName: 'Sharma', dateOfBirth: '1990-11-23', gender: 'FEMALE', postcode: 'CV11 6BW' };
    expect(classify(candidates(william, [stranger]))).toEqual({ status: 'NOT_KNOWN', matches: [] });
    expect(classify([])).toEqual({ status: 'NOT_KNOWN', matches: [] });
  });

  it('does not report conflicting NHS numbers as MATCHED', () => {
    const result = classify(candidates({ ...william, postcode: null, nhsNumber: '9990000018' }, [{ ...william, nhsNumber: '9990000026' }]));
    expect(result.status).not.toBe('MATCHED');
  });

  it('is AMBIGUOUS when two records reach the match threshold, best first', () => {
    const result = classify(candidates(william, [{ ...william, givenName: 'Bill' }, william]));
    expect(result.status).toBe('AMBIGUOUS');
    expect(result.matches.map((m) => m.record.givenName)).toEqual(['William', 'Bill']);
  });

  it('lets the one record agreeing on an identifier win over a demographic duplicate', () => {
    const withUpn = { ...william, upn: 'G937200124001' };
    const result = classify(candidates(withUpn, [{ ...william, upn: null }, withUpn]));
    expect(result.status).toBe('MATCHED');
    expect(result.matches.map((m) => m.record.upn)).toEqual(['G937200124001']);
  });

  it('is AMBIGUOUS for a single possible match below the match threshold', () => {
    const record = { score: { confidence: 0.8, weight: 0, matchedOn: [], identifierAgrees: false, corroborated: false, contradicted: false, matchable: true, demographicConfidence: 0.8, demographicWeight: 0 }, record: 'r1' };
    expect(classify([record])).toEqual({ status: 'AMBIGUOUS', matches: [record] });
    expect(classify([record], { ...DEFAULT_THRESHOLDS, possible: 0.9 }).status).toBe('NOT_KNOWN');
  });
});

describe('DEFAULT_MATCH_MODEL', () => {
  it('never scores staying at the same address below moving within the outward code', () => {
    expect(score(william, william)).toBeGreaterThanOrEqual(score(william, { ...william, postcode: 'CV34 5AB' }));
  });

  it('keeps same-sex twins below a possible match even without an address', () => {
    const twin = { ...william, givenName: 'Jack' };
    expect(score(william, twin)).toBeLessThan(0.6);
    expect(score({ ...william, postcode: null }, { ...twin, postcode: null })).toBeLessThan(0.6);
  });
});

describe('identifier disagreement', () => {
  it.each([
    ['no address', { postcode: null }],
    ['no family name', { familyName: null }],
    ['a fuzzy family name', { familyName: 'Hughs' }],
    ['a nickname', { givenName: 'Bill' }],
  ])('never MATCHES conflicting NHS numbers when %s', (_case, change) => {
    const subject = { ...william, ...change, nhsNumber: '9990000018' };
    const [scored] = candidates(subject, [{ ...william, nhsNumber: '9990000026' }]);
    expect(scored.score.matchable).toBe(false);
    expect(classify([scored]).status).not.toBe('MATCHED');
  });
});
