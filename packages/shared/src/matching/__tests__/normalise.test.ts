import { jaroWinkler } from '../jaro-winkler';
import { areVariants, GIVEN_NAME_VARIANT_GROUPS, isKnownGivenName } from '../names';
import { normaliseName } from '../normalise';

describe('normaliseName', () => {
  it.each([
    ['  Zoë   O\'Brien ', 'zoe obrien'],
    ['SMITH-PATEL', 'smith patel'],
    ['Wiśniewska', 'wisniewska'],
    ['Michał Łukasz', 'michal lukasz'],
    ['Siân', 'sian'],
    ['st. john', 'st john'],
    ['', ''],
  ])('%p -> %p', (raw, normalised) => expect(normaliseName(raw)).toBe(normalised));

  it('treats missing as empty', () => {
    expect(normaliseName(null)).toBe('');
    expect(normaliseName(undefined)).toBe('');
  });
});

describe('jaroWinkler', () => {
  it('matches published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for equal strings and 0 for nothing in common', () => {
    expect(jaroWinkler('smith', 'smith')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'smith')).toBe(0);
  });

  it('scores a one-letter typo in a long surname above the fuzzy threshold', () => {
    expect(jaroWinkler('thompson', 'thomson')).toBeGreaterThanOrEqual(0.92);
    expect(jaroWinkler('smith', 'jones')).toBeLessThan(0.92);
  });
});

describe('given-name variants', () => {
  it.each([
    ['Bill', 'William'], ['Liz', 'Elizabeth'], ['Bob', 'Robert'], ['Peggy', 'Margaret'], ['Jim', 'James'],
    ['Tommy', 'Thomas'], ['Alex', 'Alexander'], ['Sam', 'Samuel'], ['Danny', 'Daniel'], ['Joe', 'Joseph'],
    ['Charlie', 'Charlotte'], ['Katie', 'Katherine'], ['Becky', 'Rebecca'], ['Jess', 'Jessica'], ['Matt', 'Matthew'],
    ['Chris', 'Christopher'], ['Mike', 'Michael'], ['Ollie', 'Oliver'], ['Harry', 'Henry'], ['Jack', 'John'],
    ['Abbie', 'Abigail'], ['Millie', 'Amelia'], ['Liv', 'Olivia'], ['Izzy', 'Isabella'], ['Ellie', 'Eleanor'],
    ['Sophie', 'Sophia'], ['Alfie', 'Alfred'], ['Freddie', 'Frederick'], ['Archie', 'Archibald'], ['Theo', 'Theodore'],
  ])('%s and %s are the same given name', (a, b) => {
    expect(areVariants(a, b)).toBe(true);
    expect(areVariants(b, a)).toBe(true);
  });

  it('relates names through any shared group but not across groups', () => {
    expect(areVariants('Charlie', 'Charles')).toBe(true);
    expect(areVariants('Charlotte', 'Charles')).toBe(false);
    expect(areVariants('William', 'Robert')).toBe(false);
    expect(areVariants('William', 'William')).toBe(false);
    expect(areVariants('Zebedee', 'William')).toBe(false);
  });

  it.each([
    ['Penny', 'Penelope'], ['Sasha', 'Alexandra'], ['Tilly', 'Matilda'], ['Misha', 'Mikhail'], ['Kuba', 'Jakub'],
    ['Ibrahim', 'Ebrahim'], ['Omar', 'Umar'], ['Joseph', 'Josef'], ['Mohammed', 'Muhammad'],
  ])('holds %s and %s, nicknames and transliterations the matcher once lost', (a, b) => {
    expect(areVariants(a, b)).toBe(true);
  });

  it('keeps apart names that siblings and twins carry as names of their own', () => {
    for (const [a, b] of [['Amelia', 'Amelie'], ['Amelia', 'Mia'], ['Leo', 'Leonard'], ['Ava', 'Eva'], ['Owen', 'Evan'], ['Jayden', 'Jaylen']]) {
      expect({ a, b, variants: areVariants(a, b) }).toEqual({ a, b, variants: false });
    }
  });

  it('is data with a source, and knows the names it groups', () => {
    expect(GIVEN_NAME_VARIANT_GROUPS.length).toBeGreaterThanOrEqual(150);
    expect(isKnownGivenName('Penelope')).toBe(true);
    expect(isKnownGivenName('Hrnry')).toBe(false);
  });
});
