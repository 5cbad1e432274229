/** Z=0, A=1 ... Y=22; no I, O or S (DOMAIN.md 0.3, after MoJ `PNCIdentifier.kt`). */
export const PNC_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

const WITH_SLASH = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/;
const LONG_NO_SLASH = /^(\d{4})(\d{7})([A-Z])$/;
const SHORT_NO_SLASH = /^(\d{2})(\d{1,6})([A-Z])$/;

/** Check character from the last two digits of the year and the 7-digit serial, mod 23. */
export function pncCheckChar(year4: string | number, serial7: string | number): string {
  const yy = String(year4).padStart(4, '0').slice(-2);
  const serial = String(serial7).padStart(7, '0');
  return PNC_LETTERS[Number(yy + serial) % 23];
}

/** MoJ rule: a two-digit year at or below this year's is this century, otherwise the last. */
function expandYear(yy: string, today: Date): string {
  const current = today.getUTCFullYear() % 100;
  return (Number(yy) <= current ? '20' : '19') + yy;
}

/**
 * Canonical `YYYY/NNNNNNNC` from the long form or the short form `YY/NNNNNC`, with or without
 * the slash. Checks the shape only; `isValidPncId` checks the check character too. Without a
 * slash, 12 characters is the long form and fewer than 10 the short form; 10-11 characters are
 * ambiguous (is the year two digits or four?) and rejected rather than guessed.
 */
export function normalisePncId(raw: string, today: Date = new Date()): string | null {
  const pnc = raw.replace(/\s/g, '').toUpperCase();
  const parts = WITH_SLASH.exec(pnc) ?? LONG_NO_SLASH.exec(pnc) ?? (pnc.length < 10 ? SHORT_NO_SLASH.exec(pnc) : null);
  if (!parts) return null;
  const [, year, serial, check] = parts;
  const year4 = year.length === 2 ? expandYear(year, today) : year;
  return `${year4}/${serial.padStart(7, '0')}${check}`;
}

export function isValidPncId(raw: string, today: Date = new Date()): boolean {
  const pnc = normalisePncId(raw, today);
  return pnc !== null && pncCheckChar(pnc.slice(0, 4), pnc.slice(5, 12)) === pnc[12];
}
