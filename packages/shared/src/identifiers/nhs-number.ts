/** Spaces and dashes are presentation only (`999 000 0018`, `999-000-0018`); DOMAIN.md 0.1. */
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

/**
 * Modulus 11 check digit for a 9-digit stem (weights 10..2). Returns null when the check would be
 * 10: such stems are never issued, so a generator must skip them (DOMAIN.md 0.1, step 3).
 */
export function nhsCheckDigit(stem9: string): number | null {
  if (!/^\d{9}$/.test(stem9)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(stem9[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

export function isValidNhsNumber(raw: string): boolean {
  const nhs = normaliseNhsNumber(raw);
  if (!/^\d{10}$/.test(nhs)) return false;
  return nhsCheckDigit(nhs.slice(0, 9)) === Number(nhs[9]);
}
