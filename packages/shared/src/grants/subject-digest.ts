import { canonicalHash } from '../hashing';
import { SUBJECT_REQUIRED_FIELDS } from '../subject';

/**
 * What a grant binds per subject: the key and every demographic and identifier field an agency
 * matches on (`SUBJECT_REQUIRED_FIELDS`). Anything else in a representation (`__typename`) the
 * agency never reads.
 */
export const SUBJECT_DIGEST_FIELDS: readonly string[] = ['id', ...SUBJECT_REQUIRED_FIELDS.split(' ')];

/**
 * SHA-256 of one `Subject` representation in canonical form: exactly the fields above, a field
 * that is absent written as null (an agency reads both as "not given"), through `canonicalHash`.
 * The gateway puts it in the grant for each representation it sends; the agency's grant guard
 * recomputes it for each one it receives. So a grant covers only the people and the details the
 * gateway decided on: the same id with another person's name and date of birth is refused.
 *
 * Not salted: the digest travels only beside the representation it digests, so it tells a reader
 * of the request nothing the request does not already say.
 */
export function subjectDigest(representation: unknown): string {
  const source = (typeof representation === 'object' && representation !== null ? representation : {}) as Record<string, unknown>;
  return canonicalHash(Object.fromEntries(SUBJECT_DIGEST_FIELDS.map((field) => [field, source[field] ?? null])));
}

/** The digest of every representation by subject id, as a grant carries them (`sd`). */
export function subjectDigests(representations: readonly unknown[]): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const representation of representations) {
    const id = (representation as { id?: unknown } | null)?.id;
    if (typeof id === 'string') digests[id] = subjectDigest(representation);
  }
  return digests;
}
