import { memoisedInPass } from '../matching/pass-memo';

/** BS7666 shapes (DOMAIN.md 0.5); inward letters never C, I, K, M, O or V. */
const POSTCODE = /^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) [0-9][ABD-HJLNP-UW-Z]{2})$/;

/**
 * NHS pseudo-postcodes (no fixed abode, not known, country of residence) sit outside the
 * BS7666 shapes but are legitimate in health records (NHS Data Dictionary; HES "homeadd").
 */
const NHS_PSEUDO = /^ZZ99 [0-9][A-Z]Z$/;

/** Upper case with one space before the inward code, or null when not a postcode's shape. */
export const normalisePostcode: (raw: string) => string | null = memoisedInPass((raw: string): string | null => {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact.length < 5 || compact.length > 7) return null;
  const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return POSTCODE.test(postcode) || NHS_PSEUDO.test(postcode) ? postcode : null;
});

export function isNhsPseudoPostcode(raw: string): boolean {
  return NHS_PSEUDO.test(normalisePostcode(raw) ?? '');
}

/** The part before the space (`CV34` of `CV34 4RL`), or null when not a postcode. */
export function outwardCode(postcode: string): string | null {
  return normalisePostcode(postcode)?.split(' ')[0] ?? null;
}
