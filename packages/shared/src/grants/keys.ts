import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, dataDirectory } from '../config';
import { jose, type JWK } from './jose';

/** Asymmetric algorithms only: a grant is verified by parties that must never be able to mint one. */
export type GrantAlgorithm = 'ES256' | 'EdDSA';
export const GRANT_ALGORITHMS: readonly GrantAlgorithm[] = ['ES256', 'EdDSA'];

/** The environment variable a deployment sets to the gateway's PKCS8 PEM grant signing key. */
export const GRANT_PRIVATE_KEY_VARIABLE = 'MASH_GRANT_PRIVATE_KEY';
/** Key file used in demo mode when none is named; relative paths resolve under `.data/`. */
export const DEFAULT_GRANT_KEY_FILE = 'grant-signing-key.pem';

export interface SigningKeyOptions {
  /** PKCS8 PEM private key; takes precedence over everything else. Literal `\n` sequences are accepted. */
  privateKeyPem?: string;
  /** Demo mode only: where the generated key lives. Default `.data/grant-signing-key.pem`. */
  keyFile?: string;
  /** Demo mode: generate (once) and reuse a key file instead of requiring a configured key. */
  generate: boolean;
  /** Default: inferred from a configured key, else ES256. */
  alg?: GrantAlgorithm;
}

export interface SigningKey {
  privateKey: KeyObject;
  /** Public half, with `kid`, `alg` and `use: 'sig'`, as published in the gateway's JWKS. */
  publicJwk: JWK;
  /** RFC 7638 thumbprint of the public key, so the same key always gets the same id. */
  kid: string;
  alg: GrantAlgorithm;
}

export async function loadOrCreateSigningKey(options: SigningKeyOptions): Promise<SigningKey> {
  if (options.privateKeyPem) {
    return describeKey(parsePem(options.privateKeyPem, GRANT_PRIVATE_KEY_VARIABLE), options.alg, GRANT_PRIVATE_KEY_VARIABLE);
  }
  if (!options.generate) {
    throw new ConfigError(
      `${GRANT_PRIVATE_KEY_VARIABLE} is required: set it to a PKCS8 PEM private key (P-256 for ES256, Ed25519 for EdDSA), ` +
        'or start in demo mode to generate one under .data/',
    );
  }
  const file = path.resolve(dataDirectory(), options.keyFile ?? DEFAULT_GRANT_KEY_FILE);
  const pem = readKeyFile(file) ?? createKeyFile(file, options.alg ?? 'ES256');
  return describeKey(parsePem(pem, file), options.alg, file);
}

/** A fresh key in memory (tests, and the next key handed to `GrantIssuer.rotate`). */
export async function generateSigningKey(alg: GrantAlgorithm = 'ES256'): Promise<SigningKey> {
  return describeKey(generatePrivateKey(alg), alg, 'generated key');
}

async function describeKey(privateKey: KeyObject, wanted: GrantAlgorithm | undefined, source: string): Promise<SigningKey> {
  const actual = algorithmOf(privateKey);
  if (!actual) throw new ConfigError(`${source} must be a P-256 (ES256) or Ed25519 (EdDSA) private key`);
  if (wanted && wanted !== actual) throw new ConfigError(`${source} holds a key for ${actual}, but ${wanted} was asked for`);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = await jose.calculateJwkThumbprint(jwk, 'sha256');
  return { privateKey, kid, alg: actual, publicJwk: { ...jwk, kid, alg: actual, use: 'sig' } };
}

function algorithmOf(key: KeyObject): GrantAlgorithm | undefined {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return undefined;
}

function parsePem(pem: string, source: string): KeyObject {
  try {
    return createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch {
    // The PEM itself is a secret: never echo it, nor the parser's message about it.
    throw new ConfigError(`${source} is not a readable PEM private key`);
  }
}

function generatePrivateKey(alg: GrantAlgorithm): KeyObject {
  return alg === 'EdDSA' ? generateKeyPairSync('ed25519').privateKey : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

function readKeyFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Gateway processes starting together must agree on one key. The PEM goes to a private temp file
 * (`wx`, 0600) and is then hard-linked to its final name: `link` fails if the name exists, so
 * exactly one process wins, and no reader ever sees a half-written file (as it could between a
 * `wx` open and the write). The losers read the winner's key.
 */
function createKeyFile(file: string, alg: GrantAlgorithm): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = generatePrivateKey(alg).export({ type: 'pkcs8', format: 'pem' }) as string;
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, pem, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * A pinned copy of the gateway's public grant keys, installed by the agency's team instead of
 * fetched over the network: a JWKS (`{"keys": [...]}`), one public JWK, or a PEM public key (or the
 * PEM private key, whose public half is taken). A key without `kid` gets the RFC 7638 thumbprint,
 * which is how the gateway names its keys.
 */
export async function loadPinnedKeySet(file: string): Promise<{ keys: JWK[] }> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`MASH_GATEWAY_JWKS_FILE ${file} cannot be read`);
  }
  let jwks: JWK[];
  if (text.trimStart().startsWith('{')) {
    const parsed = JSON.parse(text) as { keys?: JWK[] } & JWK;
    jwks = Array.isArray(parsed.keys) ? parsed.keys : [parsed];
  } else {
    let key: KeyObject;
    try {
      key = /PRIVATE KEY/.test(text) ? createPublicKey(createPrivateKey(text)) : createPublicKey(text);
    } catch {
      throw new ConfigError(`MASH_GATEWAY_JWKS_FILE ${file} holds no readable public key (PEM or JWKS)`);
    }
    jwks = [key.export({ format: 'jwk' }) as JWK];
  }
  const keys = await Promise.all(
    jwks.map(async (jwk) => {
      const publicOnly = { ...jwk };
      delete publicOnly.d;
      const alg = publicOnly.alg ?? (publicOnly.crv === 'Ed25519' ? 'EdDSA' : publicOnly.crv === 'P-256' ? 'ES256' : undefined);
      return { ...publicOnly, alg, use: 'sig', kid: publicOnly.kid ?? (await jose.calculateJwkThumbprint(publicOnly, 'sha256')) };
    }),
  );
  if (keys.length === 0) throw new ConfigError(`MASH_GATEWAY_JWKS_FILE ${file} holds no keys`);
  return { keys };
}
