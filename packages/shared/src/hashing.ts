import { createHash } from 'node:crypto';

/**
 * Canonical JSON: one byte sequence per value, so a hash computed today by the gateway can be
 * recomputed years later by any verifier (the audit chain, grant fingerprints). It follows
 * RFC 8785 (JCS) where it matters: object keys sorted by UTF-16 code units, no whitespace, numbers
 * and strings written as ECMAScript's JSON.stringify writes them. On top of that:
 * - a Date is written as its ISO 8601 string with milliseconds (`toISOString`);
 * - an object property whose value is undefined is dropped (as JSON.stringify does), and an
 *   undefined array element is written as null, so array positions keep their meaning;
 * - what JSON cannot carry faithfully is refused rather than silently changed: NaN, Infinity,
 *   bigint, functions, symbols, invalid dates, Map, Set, binary buffers and cycles throw a
 *   TypeError.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, []);
  if (text === undefined) throw new TypeError('canonicalJson: a top-level undefined has no JSON form');
  return text;
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 (hex) of the value's canonical JSON. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** Returns undefined only for values an object property should drop. */
function write(value: unknown, ancestors: object[]): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a finite number`);
      return JSON.stringify(value); // -0 becomes 0, as in JCS
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no exact JSON number; pass it as a string');
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('canonicalJson: invalid Date');
    return JSON.stringify(value.toISOString());
  }
  if (value instanceof Map || value instanceof Set || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    // These would serialise as {} or as index-keyed objects: silently losing or reshaping data.
    throw new TypeError(`canonicalJson: a ${value.constructor.name} has no canonical JSON form; convert it first`);
  }
  const node = value as object;
  if (ancestors.includes(node)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.push(node);
  try {
    if (Array.isArray(node)) {
      return `[${node.map((item) => write(item, ancestors) ?? 'null').join(',')}]`;
    }
    const members: string[] = [];
    // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    for (const key of Object.keys(node).sort()) {
      const text = write((node as Record<string, unknown>)[key], ancestors);
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.pop();
  }
}
