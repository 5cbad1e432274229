import { jose, type JSONWebKeySet, type JWTPayload } from '../grants/jose';
import type { SigningKey } from '../grants/keys';

/**
 * Explicit type (RFC 8725 section 3.11) of a signed checkpoint. Checkpoints are signed with the
 * gateway's grant key, which agencies already hold (pinned or fetched): the type, and the absence of
 * an agency audience, keep a checkpoint from ever passing as a grant and a grant as a checkpoint.
 */
export const CHECKPOINT_TOKEN_TYPE = 'mash-checkpoint+jwt';

/** The head of the hub's access-log chain at one moment, as the gateway signed it. */
export interface Checkpoint {
  /** The newest entry's seq (a string: bigint). */
  seq: string;
  /** That entry's hash. */
  hash: string;
  /** When it was signed. */
  signedAt: Date;
}

/** A checkpoint and the compact JWS that proves it: what the gateway publishes and agencies keep. */
export interface SignedCheckpoint extends Checkpoint {
  token: string;
}

interface CheckpointPayload extends JWTPayload {
  seq: string;
  hash: string;
}

/** Signs the chain head with the gateway's key. */
export async function signCheckpoint(key: SigningKey, head: { seq: string; hash: string }, options: { issuer: string; now?: Date }): Promise<SignedCheckpoint> {
  const signedAt = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const token = await new jose.SignJWT({ seq: head.seq, hash: head.hash } satisfies Omit<CheckpointPayload, keyof JWTPayload> as JWTPayload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: CHECKPOINT_TOKEN_TYPE })
    .setIssuer(options.issuer)
    .setIssuedAt(signedAt.getTime() / 1000)
    .sign(key.privateKey);
  return { seq: head.seq, hash: head.hash, signedAt, token };
}

type KeyResolver = Parameters<typeof jose.jwtVerify>[1];

/**
 * The checkpoint a token proves, if the gateway's key signed it (`keys`: a key set or the same
 * resolver the grant verifier uses). Throws on anything else: a forged or altered checkpoint is
 * never stored and never trusted.
 */
export async function verifyCheckpoint(token: string, keys: JSONWebKeySet | KeyResolver, issuer: string): Promise<SignedCheckpoint> {
  const resolver = 'keys' in (keys as object) ? jose.createLocalJWKSet(keys as JSONWebKeySet) : (keys as KeyResolver);
  const { payload } = await jose.jwtVerify(token, resolver as Parameters<typeof jose.jwtVerify>[1] & object, {
    issuer,
    typ: CHECKPOINT_TOKEN_TYPE,
    algorithms: ['ES256', 'EdDSA'],
    requiredClaims: ['iss', 'iat'],
  });
  const { seq, hash, iat } = payload as CheckpointPayload;
  if (typeof seq !== 'string' || !/^[1-9][0-9]{0,18}$/.test(seq) || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new TypeError('checkpoint claims seq and hash are missing or malformed');
  }
  if (payload.aud !== undefined) throw new TypeError('a checkpoint has no audience');
  return { seq, hash, signedAt: new Date(iat! * 1000), token };
}
