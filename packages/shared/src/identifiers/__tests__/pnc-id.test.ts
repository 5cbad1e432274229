import { isValidPncId, normalisePncId, pncCheckChar } from '../pnc-id';

const today = new Date('2026-11-01T00:00:00Z');

// Vectors from DOMAIN.md 0.3 and "Identifier test vectors" (MoJ hmpps-person-record).
describe('PNC ID', () => {
  it.each([
    ['2019', '0123456', 'E'],
    ['2024', '0004567', 'D'],
  ])('check character of %s/%s is %s', (year, serial, check) => {
    expect(pncCheckChar(year, serial)).toBe(check);
  });

  it.each(['2019/0123456E', '2024/0004567D', '2008/0056560Z', '20030011985X', '1981/0154257C', '2011/0275516Q', '79/163001B', '0273319Z'])(
    '%s is valid',
    (pnc) => expect(isValidPncId(pnc, today)).toBe(true),
  );

  it.each(['20030011985Z', '2019/0123456F', '79/163001C'])('%s fails its check character', (pnc) => {
    expect(normalisePncId(pnc, today)).not.toBeNull();
    expect(isValidPncId(pnc, today)).toBe(false);
  });

  it.each([
    ['79/163001B', '1979/0163001B'],
    ['0273319Z', '2002/0073319Z'],
    ['20030011985X', '2003/0011985X'],
    ['2024/4567d', '2024/0004567D'],
    [' 2019/0123456E ', '2019/0123456E'],
  ])('normalises %s to %s', (raw, canonical) => {
    expect(normalisePncId(raw, today)).toBe(canonical);
  });

  it('expands a two-digit year at or below the current one to 20YY, otherwise 19YY', () => {
    expect(normalisePncId('26/1A', today)).toBe('2026/0000001A');
    expect(normalisePncId('27/1A', today)).toBe('1927/0000001A');
    expect(normalisePncId('27/1A', new Date('2027-01-01T00:00:00Z'))).toBe('2027/0000001A');
  });

  it.each(['', '2019-0123456E', '2019/01234567E', '201901234E', '2019/E', 'ABCD/0123456E'])('rejects the shape of %p', (raw) => {
    expect(normalisePncId(raw, today)).toBeNull();
    expect(isValidPncId(raw, today)).toBe(false);
  });
});
