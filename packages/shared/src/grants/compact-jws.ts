import { KeyObject, sign, verify } from 'node:crypto';
import type { CryptoKey } from './jose';
import type { GrantAlgorithm } from './keys';

/**
 * Grants signed and their signatures checked with `node:crypto`, synchronously. jose does the same
 * through WebCrypto, which in Node 20 costs three to four times the CPU (its algorithm
 * normalisation, a job on the thread pool and a promise per call): measured 2026-12-03 on this
 * project's 2-core machine, 190 against 46 us per ES256 grant signed and 190-235 against 80-90 us
 * per grant verified, and 0.3-0.8 ms less CPU per agency fetch at the agency. Only the signature
 * step is done here: jose still selects the key from the gateway's key set and decodes the token,
 * and `GrantVerifier` checks the header and the claims.
 */

/** A JWS compact serialisation's three parts: every one base64url, the signature not empty. */
const COMPACT = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/** ES256 signatures are r || s (RFC 7518 section 3.4), not DER; Ed25519 signs the message itself. */
function signerOf(alg: GrantAlgorithm, key: KeyObject): { digest: string | null; key: KeyObject | { key: KeyObject; dsaEncoding: 'ieee-p1363' } } {
  return alg === 'ES256' ? { digest: 'sha256', key: { key, dsaEncoding: 'ieee-p1363' } } : { digest: null, key };
}

/** The key type and curve each algorithm must use, so a key can never be used under another algorithm. */
function keyFits(alg: GrantAlgorithm, key: KeyObject): boolean {
  if (alg === 'ES256') return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  return key.asymmetricKeyType === 'ed25519';
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS of `payload` under `header` (whose `alg` must be the key's), signed with the private key. */
export function signCompact(header: { alg: GrantAlgorithm } & Record<string, unknown>, payload: object, privateKey: KeyObject): string {
  if (privateKey.type !== 'private' || !keyFits(header.alg, privateKey)) throw new TypeError(`the signing key does not fit ${header.alg}`);
  const input = `${encode(header)}.${encode(payload)}`;
  const signer = signerOf(header.alg, privateKey);
  return `${input}.${sign(signer.digest, Buffer.from(input), signer.key).toString('base64url')}`;
}

/** True when `token` is three base64url parts, the last one non-empty (`none` has an empty signature). */
export function isCompact(token: string): boolean {
  return COMPACT.test(token);
}

/**
 * Whether the signature over the token's first two parts verifies with `publicKey` under `alg`.
 * The caller has already refused any algorithm outside the allow-list; a key of another type, a
 * signature of the wrong length or a malformed token is simply `false`.
 */
export function signatureVerifies(token: string, alg: GrantAlgorithm, publicKey: KeyObject): boolean {
  const parts = COMPACT.exec(token);
  if (!parts || publicKey.type !== 'public' || !keyFits(alg, publicKey)) return false;
  const signer = signerOf(alg, publicKey);
  try {
    return verify(signer.digest, Buffer.from(`${parts[1]}.${parts[2]}`), signer.key, Buffer.from(parts[3], 'base64url'));
  } catch {
    return false;
  }
}

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** The `node:crypto` form of a key jose imported (jose keeps one CryptoKey per published key, so this converts each once). */
export function keyObjectOf(key: CryptoKey): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = KeyObject.from(key as unknown as Parameters<typeof KeyObject.from>[0]);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}
