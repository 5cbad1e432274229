import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { DEFAULT_AUDIENCE, DEMO_ISSUER } from './auth-config';
import { HUB_ROLES, type HubRole } from './user';

/**
 * The development token issuer. Its key lives only under `.data/` and a gateway trusts it only in
 * demo mode, so demo tokens are worthless against a real deployment.
 */
export async function loadOrCreateDemoKey(file: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (!fs.existsSync(file)) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    privateJwk.kid = await calculateJwkThumbprint(privateJwk);
    privateJwk.alg = 'ES256';
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // `wx`: if another process created it first, keep theirs so both agree on one key.
      fs.writeFileSync(file, JSON.stringify(privateJwk), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const { d: _secret, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}

export interface DemoTokenOptions {
  role: HubRole;
  sub?: string;
  name?: string;
  agency?: string;
  organisation?: string;
  expiresIn?: string;
}

export async function issueDemoToken(keyFile: string, options: DemoTokenOptions): Promise<string> {
  if (!HUB_ROLES.includes(options.role)) throw new Error(`unknown role "${options.role}"; use one of ${HUB_ROLES.join(', ')}`);
  if (options.role === 'agency-admin' && !options.agency) throw new Error('role agency-admin needs --agency <police|social-care|health|education>');
  const { privateJwk } = await loadOrCreateDemoKey(keyFile);
  const key = await importJWK(privateJwk, 'ES256');
  const claims: Record<string, unknown> = {
    roles: [options.role],
    name: options.name ?? `Demo ${options.role}`,
    org: options.organisation ?? (options.role === 'agency-admin' ? options.agency : 'Warwickshire MASH'),
  };
  if (options.agency) claims.agency = options.agency;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' })
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setSubject(options.sub ?? `demo-${options.role}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}
