import { createPublicKey } from 'node:crypto';
import { GRANT_TOKEN_TYPE } from '../claims';
import { signCompact } from '../compact-jws';
import { GrantError, type GrantFailureReason } from '../errors';
import { GrantIssuer } from '../issuer';
import { jose, type JWTHeaderParameters, type JWTPayload } from '../jose';
import { generateSigningKey, type SigningKey } from '../keys';
import { GrantVerifier } from '../verifier';
import { POLICE_GRANT } from './fixtures';

let key: SigningKey;
let issuer: GrantIssuer;
let police: GrantVerifier;

beforeAll(async () => {
  key = await generateSigningKey();
  issuer = new GrantIssuer({ key });
  police = new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: issuer.jwks() });
});

async function reasonFor(verifier: GrantVerifier, token: string): Promise<GrantFailureReason> {
  const error = await verifier.verify(token).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GrantError);
  return (error as GrantError).reason;
}

/** Signs arbitrary claims with the gateway's key, to build grants the issuer would never mint. */
async function forge(payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'mash-gateway', aud: 'police', sub: 'user-7', jti: crypto.randomUUID(), iat: now, exp: now + 30 };
  const sd = { 'subject-1': POLICE_GRANT.subjectDigests!['subject-1'] };
  return new jose.SignJWT({ ...claims, case: 'case-1', subjects: ['subject-1'], purpose: 'MASH_TRIAGE', pv: '1', obl: [], sd, ...payload })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: GRANT_TOKEN_TYPE, ...header })
    .sign(key.privateKey);
}

test('a hand-built grant with ordinary claims verifies (so the cases below fail for their one change)', async () => {
  await expect(police.verify(await forge({}))).resolves.toMatchObject({ agency: 'police', subjectIds: ['subject-1'] });
});

test('a minted grant verifies to the claims it was minted with', async () => {
  const { token, grantId, expiresAt } = await issuer.mint(POLICE_GRANT);
  await expect(police.verify(token)).resolves.toEqual({ ...POLICE_GRANT, grantId, expiresAt });
  expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
});

test('a grant named in advance carries that id (the access log records it while the grant is signed)', async () => {
  const named = crypto.randomUUID();
  const { token, grantId } = await issuer.mint(POLICE_GRANT, { grantId: named });
  expect(grantId).toBe(named);
  await expect(police.verify(token)).resolves.toMatchObject({ grantId: named });
  expect((await issuer.mint(POLICE_GRANT)).grantId).not.toBe(named);
});

test('an EdDSA key works end to end', async () => {
  const edIssuer = new GrantIssuer({ key: await generateSigningKey('EdDSA') });
  const verifier = new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: edIssuer.jwks() });
  const { token, grantId } = await edIssuer.mint(POLICE_GRANT);
  await expect(verifier.verify(token)).resolves.toMatchObject({ grantId, agency: 'police' });
});

test('a lifetime above 60 s is clamped when minting', async () => {
  const { token } = await issuer.mint(POLICE_GRANT, { ttlSeconds: 3600 });
  const { iat, exp } = jose.decodeJwt(token);
  expect(exp! - iat!).toBe(60);
});

test('an expired grant is refused', async () => {
  const past = new GrantIssuer({ key, now: () => Date.now() - 120_000 });
  const { token, grantId } = await past.mint(POLICE_GRANT, { ttlSeconds: 10 });
  const error = await police.verify(token).catch((caught: GrantError) => caught);
  expect(error).toMatchObject({ reason: 'expired', grantId });
});

test('a police grant presented to health is refused', async () => {
  const health = new GrantVerifier({ agency: 'health', issuer: 'mash-gateway', jwks: issuer.jwks() });
  const { token } = await issuer.mint(POLICE_GRANT);
  expect(await reasonFor(health, token)).toBe('audience');
});

test('a grant addressed to several agencies is refused even by one of them', async () => {
  expect(await reasonFor(police, await forge({ aud: ['police', 'health'] }))).toBe('audience');
});

test('a grant from another issuer is refused', async () => {
  const other = new GrantIssuer({ key, issuer: 'someone-else' });
  expect(await reasonFor(police, (await other.mint(POLICE_GRANT)).token)).toBe('issuer');
});

test('a tampered payload fails the signature', async () => {
  const [header, payload, signature] = (await issuer.mint(POLICE_GRANT)).token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  claims.subjects = [...claims.subjects, 'subject-99'];
  const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  expect(await reasonFor(police, tampered)).toBe('signature');
});

test('an unsigned (alg none) grant is refused', async () => {
  const { token } = await issuer.mint(POLICE_GRANT);
  const payload = token.split('.')[1];
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: GRANT_TOKEN_TYPE, kid: key.kid })).toString('base64url');
  expect(await reasonFor(police, `${header}.${payload}.`)).toBe('algorithm');
});

test('an HS256 grant keyed with the public key bytes is refused', async () => {
  // The classic confusion attack: the verifier's public PEM used as an HMAC secret.
  const publicKeyBytes = Buffer.from(createPublicKey(key.privateKey).export({ type: 'spki', format: 'pem' }) as string);
  const token = await new jose.SignJWT({ case: 'case-1', subjects: ['subject-1'], purpose: 'MASH_TRIAGE', pv: '1', obl: [] })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: GRANT_TOKEN_TYPE })
    .setIssuer('mash-gateway')
    .setAudience('police')
    .setSubject('user-7')
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime('30s')
    .sign(publicKeyBytes);
  expect(await reasonFor(police, token)).toBe('algorithm');
});

test('a grant living longer than 60 s is refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect(await reasonFor(police, await forge({ iat: now, exp: now + 3600 }))).toBe('lifetime');
});

test('a grant issued in the future is refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect(await reasonFor(police, await forge({ iat: now + 600, exp: now + 630 }))).toBe('not-yet-valid');
});

test('required claims, the grant type and known obligations are enforced', async () => {
  expect(await reasonFor(police, await forge({ jti: undefined }))).toBe('claims');
  expect(await reasonFor(police, await forge({ subjects: 'subject-1' }))).toBe('claims');
  expect(await reasonFor(police, await forge({ obl: ['SHARE_EVERYTHING'] }))).toBe('claims');
  // Subject digests: one 64-hex digest for each covered subject, and for nobody else.
  expect(await reasonFor(police, await forge({ sd: undefined }))).toBe('claims');
  expect(await reasonFor(police, await forge({ sd: {} }))).toBe('claims');
  expect(await reasonFor(police, await forge({ sd: { 'subject-1': 'not-a-digest' } }))).toBe('claims');
  expect(await reasonFor(police, await forge({ sd: { 'subject-1': 'a'.repeat(64), 'subject-9': 'b'.repeat(64) } }))).toBe('claims');
  await expect(police.verify(await forge({ subjects: [], sd: undefined }))).resolves.toMatchObject({ subjectIds: [], subjectDigests: {} });
  expect(await reasonFor(police, await forge({}, { typ: 'JWT' }))).toBe('type');
});

test('the grant type is compared as a media type, and critical header extensions are refused', async () => {
  await expect(police.verify(await forge({}, { typ: 'application/MASH-GRANT+JWT' }))).resolves.toMatchObject({ agency: 'police' });
  // jose will not sign a critical extension it does not know; the gateway's signer will.
  const payload = jose.decodeJwt(await forge({}));
  expect(await reasonFor(police, signCompact({ alg: 'ES256', kid: key.kid, typ: GRANT_TOKEN_TYPE, crit: ['exp'] }, payload, key.privateKey))).toBe('malformed');
});

test('a grant not yet valid by its nbf, or older than the longest grant life, is refused', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect(await reasonFor(police, await forge({ nbf: now + 600 }))).toBe('not-yet-valid');
  expect(await reasonFor(police, await forge({ iat: now - 300, exp: now + 30 }))).toBe('expired');
  expect(await reasonFor(police, await forge({ iat: String(now) as never }))).toBe('claims');
  expect(await reasonFor(police, await forge({ sub: 7 as never }))).toBe('claims');
});

test('a signature with characters outside base64url is malformed, though Buffer would decode it the same', async () => {
  const token = (await issuer.mint(POLICE_GRANT)).token;
  expect(await reasonFor(police, `${token}=`)).toBe('malformed');
  expect(await reasonFor(police, `${token.slice(0, -1)}+`)).toBe('malformed');
});

test('a grant signed by an unpublished key is refused', async () => {
  const stranger = new GrantIssuer({ key: await generateSigningKey() });
  expect(await reasonFor(police, (await stranger.mint(POLICE_GRANT)).token)).toBe('unknown-key');
  expect(await reasonFor(police, 'not-a-jwt')).toBe('malformed');
});

test('symmetric algorithms and ambiguous key sources are configuration errors', () => {
  const jwks = issuer.jwks();
  expect(() => new GrantVerifier({ agency: 'police', issuer: 'i', jwks, algorithms: ['HS256' as never] })).toThrow(/HS256/);
  expect(() => new GrantVerifier({ agency: 'police', issuer: 'i' })).toThrow(/exactly one/);
  expect(() => new GrantVerifier({ agency: 'police', issuer: 'i', jwks, jwksUrl: 'http://x/jwks' })).toThrow(/exactly one/);
});
