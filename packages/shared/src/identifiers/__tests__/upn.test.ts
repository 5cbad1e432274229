import { isTemporaryUpn, isValidUpn, normaliseUpn, temporaryUpnFor, upnCheckLetter } from '../upn';

// Vectors from DOMAIN.md 0.2 and "Identifier test vectors".
describe('UPN', () => {
  it.each([
    ['937200124001', 'G'],
    ['937200124002', 'W'],
    ['93720012401A', 'F'],
  ])('check letter of %s is %s', (body, letter) => {
    expect(upnCheckLetter(body)).toBe(letter);
  });

  it.each(['G937200124001', 'W937200124002', 'F93720012401A', 'H801200001001', 'B801200005001', 'A950000178301', 'G80120000101A'])(
    '%s is valid',
    (upn) => expect(isValidUpn(upn)).toBe(true),
  );

  it.each([
    ['wrong check letter', 'H937200124001'],
    ['check letter swapped between UPNs', 'G937200124002'],
    ['too short', 'G93720012400'],
    ['letter in the middle', 'G9372001A4001'],
    ['I is never used', 'G93720012401I'],
    ['O is never used', 'O937200124001'],
    ['S is never used', 'G93720012401S'],
    ['empty', ''],
  ])('rejects %s (%s)', (_why, upn) => {
    expect(isValidUpn(upn)).toBe(false);
  });

  it('normalises case and spaces', () => {
    expect(normaliseUpn(' g937 2001 24001 ')).toBe('G937200124001');
    expect(isValidUpn('f93720012401a')).toBe(true);
  });

  it('recognises temporary UPNs by their final letter', () => {
    expect(isTemporaryUpn('F93720012401A')).toBe(true);
    expect(isTemporaryUpn('G80120000101A')).toBe(true);
    expect(isTemporaryUpn('G937200124001')).toBe(false);
  });

  it('derives a valid temporary UPN for the same LA, establishment and year', () => {
    const temp = temporaryUpnFor('G937200124001');
    expect(temp).toMatch(/^[A-Z]9372001240\d[A-Z]$/);
    expect(isTemporaryUpn(temp!)).toBe(true);
    expect(temporaryUpnFor('W937200124002')).not.toBe(temp);
    expect(temporaryUpnFor('F93720012401A')).toBeNull();
  });
});
