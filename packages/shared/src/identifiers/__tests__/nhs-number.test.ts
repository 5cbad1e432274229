import { isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from '../nhs-number';

// Vectors from DOMAIN.md 0.1 and "Identifier test vectors".
describe('NHS number', () => {
  it.each([
    ['999000001', 8],
    ['999000002', 6],
    ['999000003', 4],
    ['943476591', 9],
    ['987654432', 2],
  ])('check digit of stem %s is %i', (stem, check) => {
    expect(nhsCheckDigit(stem)).toBe(check);
  });

  it.each(['999123456', '999000109'])('stem %s would need check 10, so is never issued', (stem) => {
    expect(nhsCheckDigit(stem)).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(stem + d)).toBe(false);
  });

  it.each([
    '9990000018', '9990000026', '9990000034', '9434765919',
    '9990001006', '9990001014', '9990001022', '9990001030', '9990001049', '9990001057',
    '9990001065', '9990001073', '9990001081', '9990001103', '9990001111', '9990001138',
  ])('%s is valid', (nhs) => {
    expect(isValidNhsNumber(nhs)).toBe(true);
  });

  it('rejects the NHS "format" example 987 654 4321, which fails Modulus 11', () => {
    expect(isValidNhsNumber('987 654 4321')).toBe(false);
  });

  it('accepts the 3-3-4 display form and dashes', () => {
    expect(normaliseNhsNumber('999 000 0018')).toBe('9990000018');
    expect(normaliseNhsNumber('999-000-0018')).toBe('9990000018');
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
  });

  it.each(['', '999000001', '99900000188', '999000001X', '9990000017'])('rejects %p', (raw) => {
    expect(isValidNhsNumber(raw)).toBe(false);
  });

  it('rejects a malformed stem', () => {
    expect(nhsCheckDigit('99900000')).toBeNull();
    expect(nhsCheckDigit('99900000A')).toBeNull();
  });
});
