import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { createUserVerifier } from '../verify-user';
import type { UserAuthConfig } from '../auth-config';

const base = (publicKeyPem: string): UserAuthConfig => ({
  issuer: 'https://idp.example',
  audience: 'mash-gateway',
  publicKeyPem,
  algorithms: ['RS256', 'ES256', 'EdDSA'],
  clockToleranceSeconds: 5,
  maxTokenAgeSeconds: 12 * 3600,
  requireIssuedAt: true,
  claims: { roles: 'roles', organisation: 'org', name: 'name', agency: 'agency' },
});

async function token(privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'], alg: string): Promise<string> {
  return new SignJWT({ roles: ['mash-triage'] })
    .setProtectedHeader({ alg })
    .setIssuer('https://idp.example')
    .setAudience('mash-gateway')
    .setSubject('triage-1')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('user tokens verified with a pinned public key (AUTH_PUBLIC_KEY)', () => {
  it.each([
    ['an EC P-256 key (ES256), not the first algorithm of the list', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'ES256'],
    ['an RSA key (RS256)', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RS256'],
    ['an Ed25519 key (EdDSA)', () => generateKeyPairSync('ed25519'), 'EdDSA'],
  ])('accepts a token signed with %s', async (_name, pair, alg) => {
    const { publicKey, privateKey } = pair();
    const verify = await createUserVerifier(base(publicKey.export({ type: 'spki', format: 'pem' }) as string));
    await expect(verify(`Bearer ${await token(privateKey, alg)}`)).resolves.toMatchObject({ id: 'triage-1', roles: ['mash-triage'] });
  });

  it('refuses a token signed by another key, and an algorithm outside the allow-list', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const verify = await createUserVerifier(base(publicKey.export({ type: 'spki', format: 'pem' }) as string));
    await expect(verify(`Bearer ${await token(other.privateKey, 'ES256')}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const only384 = await createUserVerifier(base(p384.publicKey.export({ type: 'spki', format: 'pem' }) as string));
    await expect(only384(`Bearer ${await token(p384.privateKey, 'ES384')}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
