import { isValidNhsNumber } from '../../identifiers/nhs-number';
import { isValidPncId, PNC_LETTERS } from '../../identifiers/pnc-id';
import { isValidUpn, UPN_LETTERS } from '../../identifiers/upn';
import type { Rng } from '../../synthetic/random';
import { isRealDate } from '../dates';

// The small edits variations make to a true value: keying errors in names, dates shifted, an
// identifier mistyped. Each returns a value that really differs from its input.

/** Neighbouring keys on a UK QWERTY keyboard: the commonest single-letter slip. */
const NEIGHBOURS: Record<string, string> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'awdz', d: 'sefx', f: 'drgc', g: 'fthv', h: 'gyjb', j: 'hukn', k: 'jilm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

const typoPositions = (name: string): number[] => [...name].flatMap((c, i) => (i > 0 && NEIGHBOURS[c.toLowerCase()] ? [i] : []));

/** Long enough for a slip after the first letter to leave a recognisable name (not `Li`, `Ed`). */
export const canTypo = (name: string): boolean => typoPositions(name).length >= 3;

export type TypoKind = 'substitution' | 'omission' | 'doubling' | 'transposition';

/**
 * One keying slip anywhere but the first letter (`Henry` -> `Hrnry`, `Hnery`, `Henyr`, `Hennry`,
 * `Hery`): first letters are read back and rarely mistyped, and a changed first letter is a
 * variation of its own.
 */
export function typo(rng: Rng, name: string): { value: string; kind: TypoKind } {
  const positions = typoPositions(name);
  if (positions.length < 2) throw new Error(`typo() needs a name with two or more plain letters after the first; got ${name}.`);
  for (;;) {
    const kind = rng.pick(['substitution', 'substitution', 'omission', 'doubling', 'transposition'] as const);
    const i = rng.pick(positions);
    const chars = [...name];
    if (kind === 'substitution') chars[i] = rng.pick([...NEIGHBOURS[chars[i].toLowerCase()]]);
    else if (kind === 'omission') chars.splice(i, 1);
    else if (kind === 'doubling') chars.splice(i, 0, chars[i]);
    else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    const value = chars.join('');
    if (value.toLowerCase() !== name.toLowerCase()) return { value, kind };
  }
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

/** Same day and month in another year; null for 29 February, which most years lack. */
export function addYears(date: string, years: number): string | null {
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  return isRealDate(shifted) ? shifted : null;
}

/** One step either way, but never into the future. */
export function shiftDate(rng: Rng, date: string, today: string, unit: 'day' | 'year'): string {
  const step = rng.chance(0.5) ? 1 : -1;
  const move = (n: number) => (unit === 'day' ? addDays(date, n) : addYears(date, n));
  const forward = move(step);
  return forward !== null && forward <= today ? forward : move(-step)!;
}

/** The identifier with one character mistyped so that its check fails, as a keyed referral might. */
export function corruptIdentifier(rng: Rng, kind: 'nhsNumber' | 'upn' | 'pncId', value: string): string {
  const valid = { nhsNumber: isValidNhsNumber, upn: isValidUpn, pncId: (v: string) => isValidPncId(v) }[kind];
  for (;;) {
    const chars = [...value];
    if (kind === 'nhsNumber') {
      const i = rng.int(0, 9);
      chars[i] = String((Number(chars[i]) + rng.int(1, 9)) % 10);
    } else if (kind === 'upn' && rng.chance(0.5)) {
      chars[0] = rng.pick([...UPN_LETTERS]);
    } else if (kind === 'upn') {
      const i = rng.int(4, 11);
      chars[i] = String((Number(chars[i]) + rng.int(1, 9)) % 10);
    } else {
      chars[chars.length - 1] = rng.pick([...PNC_LETTERS]);
    }
    const corrupted = chars.join('');
    if (corrupted !== value && !valid(corrupted)) return corrupted;
  }
}
