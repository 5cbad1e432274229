import frequencies from './data/name-frequencies.json';
import knownGivenNames from './data/given-names.json';
import variants from './data/given-name-variants.json';
import { normaliseName } from './normalise';

/** Groups of given names recorded for one person (nicknames, spellings, transliterations), as data. */
export const GIVEN_NAME_VARIANT_GROUPS: readonly (readonly string[])[] = variants.groups;

const GROUPS_BY_NAME = new Map<string, number[]>();
GIVEN_NAME_VARIANT_GROUPS.forEach((group, index) => {
  for (const name of group) {
    const key = normaliseName(name);
    GROUPS_BY_NAME.set(key, [...(GROUPS_BY_NAME.get(key) ?? []), index]);
  }
});

const REGISTERED = new Set([...knownGivenNames.names, ...Object.keys(frequencies.givenNames)].map(normaliseName));
const KNOWN = new Set([...REGISTERED, ...GIVEN_NAME_VARIANT_GROUPS.flat().map(normaliseName)]);
const FAMILY_SHARE = new Map(Object.entries(frequencies.familyNames).map(([name, share]) => [normaliseName(name), share]));
const GIVEN_SHARE = new Map(Object.entries(frequencies.givenNames).map(([name, share]) => [normaliseName(name), share]));

/** True when two different given names share a variant group. */
export function areVariants(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === y) return false;
  const groupsA = GROUPS_BY_NAME.get(x);
  const groupsB = GROUPS_BY_NAME.get(y);
  return !!groupsA && !!groupsB && groupsA.some((group) => groupsB.includes(group));
}

/** A given name in use (so one edit from another name is another name, not a typo). */
export function isKnownGivenName(name: string): boolean {
  return KNOWN.has(normaliseName(name));
}

/**
 * A name children are registered with in their own right (Charlie, Harry, Ellie), not only a pet
 * form of another (Bill, Peggy): two such names in one variant group can be two twins.
 */
export function isRegisteredGivenName(name: string): boolean {
  return REGISTERED.has(normaliseName(name));
}

/** Share of people holding the (normalised) family name, where the table knows it. */
export function familyNameShare(name: string): number | undefined {
  return FAMILY_SHARE.get(name);
}

/** Share of people holding the (normalised) given name, where the table knows it. */
export function givenNameShare(name: string): number | undefined {
  return GIVEN_SHARE.get(name);
}
