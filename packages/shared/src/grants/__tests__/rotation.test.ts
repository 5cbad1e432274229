import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_GRANT_TTL_SECONDS } from '../claims';
import { GrantIssuer } from '../issuer';
import { generateSigningKey } from '../keys';
import { GrantVerifier } from '../verifier';
import { POLICE_GRANT } from './fixtures';

let clock = Date.now();
let issuer: GrantIssuer;
let server: http.Server;
let jwksUrl: string;
let fetches = 0;

beforeEach(async () => {
  clock = Date.now();
  fetches = 0;
  issuer = new GrantIssuer({ key: await generateSigningKey(), now: () => clock });
  // Stands in for the gateway's JWKS endpoint.
  server = http.createServer((_req, res) => {
    fetches += 1;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(issuer.jwks()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const verifierFor = (jwksCooldownMs: number) => new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwksUrl, jwksCooldownMs });

test('after rotate() a verifier picks up the new kid and still accepts grants under the old one', async () => {
  const verifier = verifierFor(0);
  const before = await issuer.mint(POLICE_GRANT);
  await expect(verifier.verify(before.token)).resolves.toMatchObject({ grantId: before.grantId });
  expect(fetches).toBe(1);

  const oldKid = issuer.kid;
  issuer.rotate(await generateSigningKey());
  const after = await issuer.mint(POLICE_GRANT);
  expect(issuer.kid).not.toBe(oldKid);
  await expect(verifier.verify(after.token)).resolves.toMatchObject({ grantId: after.grantId });
  expect(fetches).toBe(2);
  await expect(verifier.verify(before.token)).resolves.toMatchObject({ grantId: before.grantId });
});

test('a retired key is published for twice the longest grant life, then dropped', async () => {
  const oldKid = issuer.kid;
  issuer.rotate(await generateSigningKey());
  expect(issuer.jwks().keys.map((key) => key.kid)).toEqual([issuer.kid, oldKid]);
  clock += 2 * MAX_GRANT_TTL_SECONDS * 1000 - 1;
  expect(issuer.jwks().keys).toHaveLength(2);
  clock += 1;
  expect(issuer.jwks().keys.map((key) => key.kid)).toEqual([issuer.kid]);
});

test('within the cooldown an unknown kid is refused without another fetch', async () => {
  const verifier = verifierFor(60_000);
  await verifier.verify((await issuer.mint(POLICE_GRANT)).token);
  issuer.rotate(await generateSigningKey());
  const error = await verifier.verify((await issuer.mint(POLICE_GRANT)).token).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ reason: 'unknown-key' });
  expect(fetches).toBe(1);
});

test('an unreachable key set is refused as such', async () => {
  const token = (await issuer.mint(POLICE_GRANT)).token;
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const verifier = new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwksUrl: `http://127.0.0.1:${port}/jwks` });
  await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'keys-unavailable' });
});
