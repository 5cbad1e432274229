import { createHash } from 'node:crypto';

/** A UUID-shaped id derived from its parts, so a re-seed gives every record the same id. */
export function stableId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(['health', ...parts].join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
