// Per-operation costs that explain where our gateway's time goes: minting a grant (the gateway does
// one per agency per query) and verifying one (each agency, per request). Bounded loops, one CPU.
const { randomUUID } = require('node:crypto');
const { GrantIssuer, GrantVerifier, generateSigningKey, subjectDigests } = require('@mash/shared');
const { round } = require('./load');

async function timed(count, work) {
  for (let i = 0; i < Math.min(50, count); i += 1) await work(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) await work(i);
  return Number(process.hrtime.bigint() - start) / 1e3 / count;
}

async function grantCosts(count = 1000) {
  const key = await generateSigningKey('ES256');
  const issuer = new GrantIssuer({ key });
  const claims = {
    agency: 'police',
    caseId: randomUUID(),
    subjectIds: [randomUUID(), randomUUID(), randomUUID()],
    purpose: 'MASH_TRIAGE',
    policyVersion: '1.0.0',
    userId: 'demo-mash-triage',
    obligations: [],
  };
  claims.subjectDigests = subjectDigests(claims.subjectIds.map((id) => ({ __typename: 'Subject', id, familyName: 'Bench' })));
  const mintUs = await timed(count, () => issuer.mint(claims));
  const tokens = await Promise.all(Array.from({ length: 64 }, () => issuer.mint(claims).then((minted) => minted.token)));
  const verifier = new GrantVerifier({ agency: 'police', issuer: issuer.issuer, jwks: issuer.jwks() });
  const verifyUs = await timed(count, (i) => verifier.verify(tokens[i % tokens.length]));
  return { mintUs: round(mintUs, 1), verifyUs: round(verifyUs, 1), perQueryMintUs: round(4 * mintUs, 1) };
}

module.exports = { grantCosts };
