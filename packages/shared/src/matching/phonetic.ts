import { doubleMetaphone } from 'double-metaphone';

const cache = new Map<string, readonly string[]>();

/**
 * Double Metaphone codes (primary and alternative) of a normalised name, spaces removed: names
 * that sound alike share a code (Smith/Smyth, Ibrahim/Ebrahim, Catherine/Katherine).
 */
export function phoneticCodes(name: string): readonly string[] {
  const key = name.replace(/ /g, '');
  let codes = cache.get(key);
  if (!codes) {
    codes = key ? [...new Set(doubleMetaphone(key))].filter((code) => code.length > 0) : [];
    if (cache.size > 50_000) cache.clear();
    cache.set(key, codes);
  }
  return codes;
}

export function soundAlike(a: string, b: string): boolean {
  const codesB = phoneticCodes(b);
  return phoneticCodes(a).some((code) => codesB.includes(code));
}

/** The primary code, for the phonetic blocking key. */
export function primaryPhoneticCode(name: string): string {
  return phoneticCodes(name)[0] ?? '';
}
