import { isNhsPseudoPostcode, normalisePostcode, outwardCode } from '../postcode';

// Vectors from DOMAIN.md 0.5.
describe('postcode', () => {
  it.each([
    ['CV34 4RL', 'CV34 4RL'],
    ['cv11 6bw', 'CV11 6BW'],
    ['EC1A1BB', 'EC1A 1BB'],
    ['  w1a   0ax ', 'W1A 0AX'],
    ['CV9 1AA', 'CV9 1AA'],
    ['B46 3AB', 'B46 3AB'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('normalises %p to %s', (raw, postcode) => {
    expect(normalisePostcode(raw)).toBe(postcode);
  });

  it.each(['ZZ99 3VZ', 'ZZ99 3WZ', 'ZZ99 3CZ', 'ZZ99 3GZ', 'ZZ99 1WZ', 'ZZ99 2WZ', 'zz994xz'])(
    'accepts the NHS pseudo-postcode %s',
    (raw) => {
      expect(normalisePostcode(raw)).not.toBeNull();
      expect(isNhsPseudoPostcode(raw)).toBe(true);
    },
  );

  it.each(['CV34 4RK', 'CV34 4CL', 'QV34 4RL', 'CV344', 'CV34 4RLL', '', 'NOT A POSTCODE'])('rejects %p', (raw) => {
    expect(normalisePostcode(raw)).toBeNull();
  });

  it('gives the outward code', () => {
    expect(outwardCode('cv34 4rl')).toBe('CV34');
    expect(outwardCode('W1A0AX')).toBe('W1A');
    expect(outwardCode('CV34 4RK')).toBeNull();
    expect(isNhsPseudoPostcode('CV34 4RL')).toBe(false);
  });
});
