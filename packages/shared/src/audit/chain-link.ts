import { canonicalHash, canonicalJson } from '../hashing';

/** The prev_hash of a chain's first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

const PLACEHOLDER = 'prev-hash-goes-here';
const KEY = '"prev_hash":"';

/**
 * sha256 over the canonical JSON of an entry's content with its `prev_hash`: the link of every
 * hash chain here (the hub's access log, each agency's disclosure log).
 */
export function linkedHash(content: Record<string, unknown>, prevHash: string): string {
  return canonicalHash({ ...content, prev_hash: prevHash });
}

/**
 * The entry's canonical JSON cut where prev_hash's value goes, so the database can link the entry
 * to the head it reads under the chain's lock without another round trip: for any 64-hex `prev`,
 * `before + prev + after` is exactly what `linkedHash(content, prev)` hashes. The cut is
 * unambiguous because canonical JSON escapes every quote inside a string value.
 */
export function linkTemplate(content: Record<string, unknown>): { before: string; after: string } {
  const text = canonicalJson({ ...content, prev_hash: PLACEHOLDER });
  const at = text.indexOf(`${KEY}${PLACEHOLDER}"`) + KEY.length;
  return { before: text.slice(0, at), after: text.slice(at + PLACEHOLDER.length) };
}
