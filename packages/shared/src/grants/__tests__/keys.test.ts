import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../config';
import { jose } from '../jose';
import { loadOrCreateSigningKey } from '../keys';

let dataDir: string;
const savedDataDir = process.env.MASH_DATA_DIR;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-grant-keys-'));
  process.env.MASH_DATA_DIR = dataDir;
});

afterEach(() => {
  jest.restoreAllMocks();
  if (savedDataDir === undefined) delete process.env.MASH_DATA_DIR;
  else process.env.MASH_DATA_DIR = savedDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pkcs8 = (type: 'ec' | 'ed25519') =>
  (type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;

test('a configured PEM gives a public JWK whose kid is its RFC 7638 thumbprint', async () => {
  const key = await loadOrCreateSigningKey({ privateKeyPem: pkcs8('ec'), generate: false });
  expect(key.alg).toBe('ES256');
  expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: key.kid, alg: 'ES256', use: 'sig' });
  expect(key.publicJwk).not.toHaveProperty('d');
  expect(key.kid).toBe(await jose.calculateJwkThumbprint(key.publicJwk));
});

test('the algorithm follows the key, and a mismatch is a configuration error', async () => {
  const pem = pkcs8('ed25519');
  await expect(loadOrCreateSigningKey({ privateKeyPem: pem, generate: false })).resolves.toMatchObject({ alg: 'EdDSA' });
  await expect(loadOrCreateSigningKey({ privateKeyPem: pem, generate: false, alg: 'ES256' })).rejects.toThrow(ConfigError);
});

test('a PEM with escaped newlines (as env files hold it) is accepted; garbage is not echoed', async () => {
  const pem = pkcs8('ec');
  const key = await loadOrCreateSigningKey({ privateKeyPem: pem.replace(/\n/g, '\\n'), generate: false });
  expect(key.alg).toBe('ES256');
  const error = await loadOrCreateSigningKey({ privateKeyPem: 'secret-but-not-a-key', generate: false }).catch((caught: Error) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as Error).message).toContain('MASH_GRANT_PRIVATE_KEY');
  expect((error as Error).message).not.toContain('secret-but-not-a-key');
});

test('without a key and outside demo mode, start-up fails naming what to set', async () => {
  await expect(loadOrCreateSigningKey({ generate: false })).rejects.toThrow(/MASH_GRANT_PRIVATE_KEY is required/);
  expect(fs.readdirSync(dataDir)).toEqual([]);
});

test('demo mode generates a private key file once, mode 0600, and reuses it', async () => {
  const first = await loadOrCreateSigningKey({ generate: true, keyFile: 'keys/grant.pem' });
  const file = path.join(dataDir, 'keys/grant.pem');
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const second = await loadOrCreateSigningKey({ generate: true, keyFile: 'keys/grant.pem' });
  expect(second.kid).toBe(first.kid);
  expect(fs.readdirSync(path.dirname(file))).toEqual(['grant.pem']);
});

test('a process that loses the race to create the key file adopts the winner', async () => {
  const winner = await loadOrCreateSigningKey({ generate: true });
  // Pretend the file did not exist when this process looked, as when two start together.
  const realRead = fs.readFileSync;
  let hidden = false;
  jest.spyOn(fs, 'readFileSync').mockImplementation(((...args: Parameters<typeof fs.readFileSync>) => {
    if (!hidden) {
      hidden = true;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    }
    return realRead(...args);
  }) as typeof fs.readFileSync);
  const loser = await loadOrCreateSigningKey({ generate: true });
  expect(hidden).toBe(true);
  expect(loser.kid).toBe(winner.kid);
  expect(fs.readdirSync(dataDir)).toEqual(['grant-signing-key.pem']);
});
