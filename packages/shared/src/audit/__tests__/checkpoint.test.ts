import { GrantIssuer } from '../../grants/issuer';
import { generateSigningKey } from '../../grants/keys';
import { GrantVerifier } from '../../grants/verifier';
import { GrantError } from '../../grants/errors';
import { POLICE_GRANT } from '../../grants/__tests__/fixtures';
import { verifyCheckpoint } from '../checkpoint';

const HEAD = { seq: '120', hash: 'ab'.repeat(32) };

describe('signed checkpoints of the access log head', () => {
  it('verify with the gateway key and issuer, to exactly what was signed', async () => {
    const key = await generateSigningKey();
    const issuer = new GrantIssuer({ key, now: () => Date.parse('2026-12-01T09:00:00.400Z') });
    const signed = await issuer.signCheckpoint(HEAD);
    expect(signed).toMatchObject({ ...HEAD, signedAt: new Date('2026-12-01T09:00:00Z') });
    await expect(verifyCheckpoint(signed.token, issuer.jwks(), 'mash-gateway')).resolves.toEqual(signed);
  });

  it('are refused when signed by another key, for another issuer, or altered', async () => {
    const issuer = new GrantIssuer({ key: await generateSigningKey() });
    const stranger = new GrantIssuer({ key: await generateSigningKey() });
    await expect(verifyCheckpoint((await stranger.signCheckpoint(HEAD)).token, issuer.jwks(), 'mash-gateway')).rejects.toThrow();
    await expect(verifyCheckpoint((await issuer.signCheckpoint(HEAD)).token, issuer.jwks(), 'someone-else')).rejects.toThrow();
    const [header, payload, signature] = (await issuer.signCheckpoint(HEAD)).token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), seq: '90' })).toString('base64url');
    await expect(verifyCheckpoint([header, altered, signature].join('.'), issuer.jwks(), 'mash-gateway')).rejects.toThrow();
  });

  it('never pass as a grant, and a grant never passes as a checkpoint (explicit types, same key)', async () => {
    const issuer = new GrantIssuer({ key: await generateSigningKey() });
    const verifier = new GrantVerifier({ agency: 'police', issuer: 'mash-gateway', jwks: issuer.jwks() });
    const checkpoint = await issuer.signCheckpoint(HEAD);
    await expect(verifier.verify(checkpoint.token)).rejects.toBeInstanceOf(GrantError);
    const grant = await issuer.mint(POLICE_GRANT);
    await expect(verifyCheckpoint(grant.token, issuer.jwks(), 'mash-gateway')).rejects.toThrow();
  });
});
