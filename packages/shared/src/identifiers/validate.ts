import { nhsCheckDigit, normaliseNhsNumber } from './nhs-number';
import { normalisePncId, pncCheckChar } from './pnc-id';
import { normalisePostcode } from './postcode';
import { normaliseUpn, upnCheckLetter, UPN_LETTERS } from './upn';

export type IdentifierKind = 'NHS_NUMBER' | 'UPN' | 'PNC_ID' | 'POSTCODE';

export type IdentifierValidation = { ok: true; value: string } | { ok: false; reason: string };

const LABELS: Record<IdentifierKind, string> = {
  NHS_NUMBER: 'NHS number',
  UPN: 'UPN',
  PNC_ID: 'PNC ID',
  POSTCODE: 'Postcode',
};

const fail = (reason: string): IdentifierValidation => ({ ok: false, reason });

function validateNhsNumber(raw: string): IdentifierValidation {
  const nhs = normaliseNhsNumber(raw);
  if (!/^\d{10}$/.test(nhs)) return fail(`NHS number "${raw}" must be 10 digits (spaces and dashes are allowed).`);
  const check = nhsCheckDigit(nhs.slice(0, 9));
  if (check === null) {
    return fail(`NHS number ${nhs} was never issued: its first nine digits give a check digit of 10; check it was copied correctly.`);
  }
  if (check !== Number(nhs[9])) {
    return fail(`NHS number ${nhs} fails the Modulus 11 check digit (expected ${check}); check for a mistyped or transposed digit.`);
  }
  return { ok: true, value: nhs };
}

function validateUpn(raw: string): IdentifierValidation {
  const upn = normaliseUpn(raw);
  if (upn.length !== 13) return fail(`UPN "${raw}" must be 13 characters: a check letter followed by 12 characters.`);
  if (/[IOS]/.test(upn)) return fail(`UPN ${upn} contains I, O or S, which UPNs never use; check for a mistyped 1, 0 or 5.`);
  if (!UPN_LETTERS.includes(upn[0])) return fail(`UPN ${upn} must start with its check letter.`);
  const check = upnCheckLetter(upn.slice(1));
  if (check === null) {
    return fail(`UPN ${upn} must have digits in characters 2 to 12 and a digit or letter in character 13.`);
  }
  if (check !== upn[0]) return fail(`UPN ${upn} fails the check letter (expected ${check}); check for a mistyped character.`);
  return { ok: true, value: upn };
}

function validatePncId(raw: string): IdentifierValidation {
  const pnc = normalisePncId(raw);
  if (pnc === null) {
    return fail(`PNC ID "${raw}" is not in a recognised format: use YYYY/NNNNNNNC (e.g. 2019/0123456E) or YY/NNNNNNC.`);
  }
  const check = pncCheckChar(pnc.slice(0, 4), pnc.slice(5, 12));
  if (check !== pnc[12]) return fail(`PNC ID ${pnc} fails the check character (expected ${check}); check the year and serial.`);
  return { ok: true, value: pnc };
}

function validatePostcode(raw: string): IdentifierValidation {
  const postcode = normalisePostcode(raw);
  if (postcode !== null) return { ok: true, value: postcode };
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (/[CIKMOV]/.test(compact.slice(-2)) && normalisePostcode(compact.slice(0, -2) + 'AA') !== null) {
    return fail(`Postcode "${raw}" is not valid: the last two letters of a postcode never include C, I, K, M, O or V.`);
  }
  return fail(`Postcode "${raw}" is not a valid UK postcode format (e.g. CV34 4RL); check it against the address.`);
}

const VALIDATORS: Record<IdentifierKind, (raw: string) => IdentifierValidation> = {
  NHS_NUMBER: validateNhsNumber,
  UPN: validateUpn,
  PNC_ID: validatePncId,
  POSTCODE: validatePostcode,
};

/** Normalised value, or a sentence saying what is wrong and what to check. */
export function validateIdentifier(kind: IdentifierKind, raw: string): IdentifierValidation {
  if (raw.trim() === '') return fail(`${LABELS[kind]} is empty.`);
  return VALIDATORS[kind](raw);
}
