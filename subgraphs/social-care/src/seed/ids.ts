import type { Rng } from '@mash/shared';

/** Warwickshire County Council's local person id: `WCC-` and six digits (CIN LAchildID is free text). */
export function laPersonId(index: number): string {
  return `WCC-${String(100000 + index).padStart(6, '0')}`;
}

/** A version-4-shaped UUID drawn from the seed's stream, so reseeding gives the same ids. */
export function uuidFrom(rng: Rng): string {
  const bytes = Array.from({ length: 16 }, () => rng.int(0, 255));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
