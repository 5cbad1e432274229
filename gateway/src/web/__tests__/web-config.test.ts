import path from 'node:path';
import { ConfigError } from '@mash/shared';
import { gatewayConfigFromEnv } from '../../config';
import { DEFAULT_WEB_DIR, webConfigFromEnv } from '../web-config';

describe('webConfigFromEnv', () => {
  it('without MASH_OIDC_*: web/dist, no OpenID Connect', () => {
    expect(webConfigFromEnv({})).toEqual({ dir: DEFAULT_WEB_DIR, oidc: null });
    expect(webConfigFromEnv({ MASH_WEB_DIR: 'none' }).dir).toBeNull();
    expect(webConfigFromEnv({ MASH_WEB_DIR: 'build/web' }).dir).toBe(path.resolve('build/web'));
  });

  it('reads the provider with its defaults (scope openid profile, the access token, no resource)', () => {
    expect(webConfigFromEnv({ MASH_OIDC_ISSUER: 'https://login.example.gov.uk/tenant/v2.0', MASH_OIDC_CLIENT_ID: 'mash-screens' }).oidc).toEqual({
      issuer: 'https://login.example.gov.uk/tenant/v2.0',
      clientId: 'mash-screens',
      scope: 'openid profile',
      resource: null,
      token: 'access_token',
    });
    expect(
      webConfigFromEnv({
        MASH_OIDC_ISSUER: 'http://127.0.0.1:9000',
        MASH_OIDC_CLIENT_ID: 'mash-screens',
        MASH_OIDC_SCOPE: 'openid profile roles',
        MASH_OIDC_RESOURCE: 'https://mash.example.gov.uk/graphql',
        MASH_OIDC_TOKEN: 'id_token',
      }).oidc,
    ).toEqual({ issuer: 'http://127.0.0.1:9000', clientId: 'mash-screens', scope: 'openid profile roles', resource: 'https://mash.example.gov.uk/graphql', token: 'id_token' });
  });

  it.each([
    [{ MASH_OIDC_ISSUER: 'https://login.example.gov.uk' }, /MASH_OIDC_ISSUER and MASH_OIDC_CLIENT_ID go together/],
    [{ MASH_OIDC_CLIENT_ID: 'mash-screens' }, /MASH_OIDC_ISSUER and MASH_OIDC_CLIENT_ID go together/],
    [{ MASH_OIDC_ISSUER: 'http://login.example.gov.uk', MASH_OIDC_CLIENT_ID: 'x' }, /MASH_OIDC_ISSUER must be an https:\/\/ address .*"http:\/\/login\.example\.gov\.uk"/],
    [{ MASH_OIDC_ISSUER: 'http://127.0.0.1.evil.example', MASH_OIDC_CLIENT_ID: 'x' }, /MASH_OIDC_ISSUER must be an https:\/\//],
    [{ MASH_OIDC_ISSUER: 'https://login.example.gov.uk', MASH_OIDC_CLIENT_ID: 'x', MASH_OIDC_TOKEN: 'refresh_token' }, /MASH_OIDC_TOKEN is access_token or id_token, got "refresh_token"/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => webConfigFromEnv(env)).toThrow(ConfigError);
    expect(() => webConfigFromEnv(env)).toThrow(message);
  });

  it('stops the gateway starting with MASH_OIDC_* half set', () => {
    const env = { MASH_DEMO_MODE: 'true', MASH_DATA_DIR: path.join('/tmp', 'mash-unused'), MASH_OIDC_ISSUER: 'https://login.example.gov.uk' };
    expect(() => gatewayConfigFromEnv(env)).toThrow(/MASH_OIDC_ISSUER and MASH_OIDC_CLIENT_ID go together/);
    expect(gatewayConfigFromEnv({ ...env, MASH_OIDC_CLIENT_ID: 'mash-screens' }).web?.oidc?.clientId).toBe('mash-screens');
  });
});
