import { canonicalHash } from '@mash/shared';
import { badArgument } from './errors';

const VERSION = 'r1';

/**
 * An opaque cursor: a position in the access log (the entry's seq) bound to the filters it was
 * returned for, so a cursor reused with other filters is refused instead of silently skipping
 * entries. Base64url so a client treats it as a token, not something to edit.
 */
export function encodeCursor(seq: string, filters: object): string {
  return Buffer.from(`${VERSION}:${seq}:${filterDigest(filters)}`, 'utf8').toString('base64url');
}

/** The seq a cursor points at; BAD_USER_INPUT naming `argument` when it is not one of ours or was made for other filters. */
export function decodeCursor(cursor: string, filters: object, argument = 'after'): string {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^r1:(\d{1,19}):([0-9a-f]{16})$/.exec(text);
  if (!match || BigInt(match[1]) > 9_223_372_036_854_775_807n) {
    throw badArgument(argument, 'is not a cursor this query returned; pass pageInfo.endCursor of the previous page unchanged, or leave it out for the first page');
  }
  if (match[2] !== filterDigest(filters)) {
    throw badArgument(argument, 'was returned for other filters; keep the filters unchanged while paging, or leave it out to start again');
  }
  return match[1];
}

function filterDigest(filters: object): string {
  return canonicalHash(filters).slice(0, 16);
}
