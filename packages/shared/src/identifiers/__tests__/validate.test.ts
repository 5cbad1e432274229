import { validateIdentifier } from '../validate';

describe('validateIdentifier', () => {
  it.each([
    ['NHS_NUMBER', '999 000 0018', '9990000018'],
    ['NHS_NUMBER', '9434765919', '9434765919'],
    ['UPN', 'f93720012401a', 'F93720012401A'],
    ['UPN', 'G937200124001', 'G937200124001'],
    ['PNC_ID', '2019/0123456E', '2019/0123456E'],
    ['PNC_ID', '20030011985X', '2003/0011985X'],
    ['POSTCODE', 'cv344rl', 'CV34 4RL'],
    ['POSTCODE', 'ZZ99 3VZ', 'ZZ99 3VZ'],
  ] as const)('%s %p is valid as %s', (kind, raw, value) => {
    expect(validateIdentifier(kind, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['NHS_NUMBER', '9876544321', 'NHS number 9876544321 fails the Modulus 11 check digit (expected 2)'],
    ['NHS_NUMBER', '9991234560', 'NHS number 9991234560 was never issued'],
    ['NHS_NUMBER', '12345', 'must be 10 digits'],
    ['UPN', 'H937200124001', 'UPN H937200124001 fails the check letter (expected G)'],
    ['UPN', 'G93720012401S', 'never use'],
    ['UPN', 'G9372', 'must be 13 characters'],
    ['UPN', 'G9372001A4001', 'digits in characters 2 to 12'],
    ['PNC_ID', '20030011985Z', 'PNC ID 2003/0011985Z fails the check character (expected X)'],
    ['PNC_ID', '2019-0123456E', 'not in a recognised format'],
    ['POSTCODE', 'CV34 4RK', 'never include C, I, K, M, O or V'],
    ['POSTCODE', 'CV3', 'not a valid UK postcode format'],
    ['POSTCODE', '  ', 'Postcode is empty'],
  ] as const)('%s %p is rejected with a reason', (kind, raw, reason) => {
    const result = validateIdentifier(kind, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
