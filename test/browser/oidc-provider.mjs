// A real OpenID provider for the browser tests (oidc-provider, ESM only, hence a child process):
// one public client that must use PKCE, its dev login form (any login and password is accepted),
// and access tokens for the gateway as JWTs (RFC 8707 resource indicators, RFC 9068 format).
//
// Protocol with the parent (fork, IPC): the provider listens on a free port and sends { port };
// the parent answers { clientId, redirectUri, resource, audience, roles } once the gateway is up; the
// provider then sends { issuer }.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { Provider, errors } from 'oidc-provider';

/** The provider, configured for the gateway the parent started. */
function provider(issuer, { clientId, redirectUri, resource, audience, roles }) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };
  /** Whoever signs in (the dev form accepts any login) is a triage officer of the test MASH. */
  const claimsOf = (accountId) => ({ sub: accountId, name: `Test user ${accountId}`, roles, org: 'Test MASH' });
  return new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [redirectUri],
        // RP-initiated logout: the provider sends the user back to the screens' sign-in page.
        post_logout_redirect_uris: [redirectUri.replace(/\/app\/callback$/, '/app/sign-in?signed-out=1')],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // No default resource and no falling back to the one granted: the client must name the
        // gateway at the token endpoint too, or its access token is not one the gateway accepts.
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return { scope: '', audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // The gateway reads roles (and the name the screens show) from the access token itself.
    extraTokenClaims: (_ctx, token) => {
      const { roles: tokenRoles, name, org } = claimsOf(token.accountId);
      return { roles: tokenRoles, name, org };
    },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => claimsOf(id) }),
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.once('message', (settings) => {
    const issuer = `http://127.0.0.1:${port}`;
    server.on('request', provider(issuer, settings).callback());
    process.send({ issuer });
  });
  process.send({ port });
});
// The parent went away: so does the provider.
process.on('disconnect', () => server.close(() => process.exit(0)));
