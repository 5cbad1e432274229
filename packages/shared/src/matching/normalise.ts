import { memoisedInPass } from './pass-memo';

/** Letters NFD does not decompose, common in Polish, Nordic and German names. */
const FOLD: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Lower case, accents stripped, hyphens as spaces, other punctuation dropped, spaces collapsed:
 * `Zoë O'Brien-Wiśniewska` -> `zoe obrien wisniewska`. Systems disagree on accents and
 * apostrophes far more often than people change their names.
 */
export function normaliseName(raw: string | null | undefined): string {
  if (!raw) return '';
  return normaliseNonEmpty(raw);
}

const normaliseNonEmpty = memoisedInPass((raw: string): string =>
  raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (c) => FOLD[c])
    .replace(/[-\u2010-\u2015_/]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Parts of a hyphenated or double-barrelled name (`smith patel` -> `smith`, `patel`). */
export function nameParts(normalised: string): string[] {
  return normalised.split(' ').filter((part) => part.length > 0);
}
