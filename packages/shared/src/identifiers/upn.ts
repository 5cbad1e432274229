/**
 * Letters a UPN may use as its check letter and as a temporary UPN's final character; I, O and S
 * are never used because they read as 1, 0 and 5 (DOMAIN.md 0.2).
 */
export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

const BODY = /^\d{11}[\dABCDEFGHJKLMNPQRTUVWXYZ]$/;

export function normaliseUpn(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/**
 * Check letter for characters 2-13: weights 2..13, a letter in position 13 counts as its index in
 * `UPN_LETTERS`, and `sum mod 23` indexes the same alphabet (GDSC UPN v2.0). Null if malformed.
 */
export function upnCheckLetter(chars2to13: string): string | null {
  const body = chars2to13.toUpperCase();
  if (!BODY.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = body[i];
    const value = /\d/.test(c) ? Number(c) : UPN_LETTERS.indexOf(c);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23];
}

export function isValidUpn(raw: string): boolean {
  const upn = normaliseUpn(raw);
  return upn.length === 13 && upnCheckLetter(upn.slice(1)) === upn[0];
}

/** A temporary UPN ends in a letter; schools should replace it with a permanent one quickly. */
export function isTemporaryUpn(raw: string): boolean {
  const upn = normaliseUpn(raw);
  return isValidUpn(upn) && /[A-Z]$/.test(upn);
}

/**
 * The temporary UPN a school would issue in place of a permanent one with the same LA,
 * establishment and year: serial `sss` becomes two digits and a letter. Injective for serials
 * below 2300, so distinct permanent UPNs never share a temporary form.
 */
export function temporaryUpnFor(permanentUpn: string): string | null {
  const upn = normaliseUpn(permanentUpn);
  if (!isValidUpn(upn) || isTemporaryUpn(upn)) return null;
  const serial = Number(upn.slice(10));
  const body = upn.slice(1, 10) + String(Math.floor(serial / 23)).padStart(2, '0') + UPN_LETTERS[serial % 23];
  return upnCheckLetter(body) + body;
}
