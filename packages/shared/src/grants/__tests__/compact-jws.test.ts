import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { isCompact, keyObjectOf, signatureVerifies, signCompact } from '../compact-jws';
import { jose } from '../jose';

const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const payload = { iss: 'mash-gateway', aud: 'police', sub: 'user-7', subjects: ['subject-1'] };

test.each([
  ['ES256', ec],
  ['EdDSA', ed],
] as const)('%s: what node:crypto signs, jose verifies, and what jose signs, node:crypto verifies', async (alg, pair) => {
  const ours = signCompact({ alg, kid: 'k1', typ: 'mash-grant+jwt' }, payload, pair.privateKey);
  const verified = await jose.jwtVerify(ours, pair.publicKey, { algorithms: [alg], typ: 'mash-grant+jwt' });
  expect(verified.payload).toEqual(payload);
  expect(verified.protectedHeader).toEqual({ alg, kid: 'k1', typ: 'mash-grant+jwt' });

  const theirs = await new jose.SignJWT(payload).setProtectedHeader({ alg }).sign(pair.privateKey);
  expect(signatureVerifies(theirs, alg, pair.publicKey)).toBe(true);
  expect(signatureVerifies(ours, alg, pair.publicKey)).toBe(true);
});

test('a changed payload, another key, another algorithm or a private key never verifies', () => {
  const token = signCompact({ alg: 'ES256' }, payload, ec.privateKey);
  const [header, body, signature] = token.split('.');
  const altered = Buffer.from(JSON.stringify({ ...payload, aud: 'health' })).toString('base64url');
  expect(signatureVerifies(`${header}.${altered}.${signature}`, 'ES256', ec.publicKey)).toBe(false);
  expect(signatureVerifies(token, 'ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBe(false);
  // The same curve's key under another algorithm, a P-384 key, and the private half are all refused.
  expect(signatureVerifies(token, 'EdDSA', ec.publicKey)).toBe(false);
  expect(signatureVerifies(token, 'ES256', generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey)).toBe(false);
  expect(signatureVerifies(token, 'ES256', ec.privateKey)).toBe(false);
  // A truncated signature is false, not an exception.
  expect(signatureVerifies(`${header}.${body}.${signature.slice(0, 20)}`, 'ES256', ec.publicKey)).toBe(false);
});

test('signing refuses a key that does not fit the algorithm', () => {
  expect(() => signCompact({ alg: 'EdDSA' }, payload, ec.privateKey)).toThrow(/does not fit EdDSA/);
  expect(() => signCompact({ alg: 'ES256' }, payload, ec.publicKey)).toThrow(/does not fit ES256/);
});

test('only three non-empty base64url parts are a compact token', () => {
  const token = signCompact({ alg: 'ES256' }, payload, ec.privateKey);
  expect(isCompact(token)).toBe(true);
  const [header, body] = token.split('.');
  expect(isCompact(`${header}.${body}.`)).toBe(false);
  expect(isCompact(`${header}.${body}.abc+/=`)).toBe(false);
  expect(isCompact(`${header}.${body}`)).toBe(false);
  expect(isCompact(`${token}.extra`)).toBe(false);
});

test('a key jose imported converts once to the same node:crypto key', async () => {
  const imported = await jose.importJWK(ec.publicKey.export({ format: 'jwk' }), 'ES256');
  const converted = keyObjectOf(imported as Parameters<typeof keyObjectOf>[0]);
  expect(converted.equals(createPublicKey(ec.publicKey.export({ type: 'spki', format: 'pem' })))).toBe(true);
  expect(keyObjectOf(imported as Parameters<typeof keyObjectOf>[0])).toBe(converted);
});
