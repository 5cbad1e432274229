import { ConfigError } from '../../config';
import { agencyConfigFromEnv } from '../config';

const config = (env: NodeJS.ProcessEnv) => agencyConfigFromEnv('police', 4001, env);

describe('where an agency gets the gateway keys and checkpoints', () => {
  it.each([
    ['http://127.0.0.1:4000/.well-known/jwks.json'],
    ['http://localhost:4000/.well-known/jwks.json'],
    ['http://[::1]:4000/.well-known/jwks.json'],
    ['https://mash-gateway.example/.well-known/jwks.json'],
  ])('accepts %s in production (https, or loopback)', (url) => {
    expect(config({ NODE_ENV: 'production', MASH_GATEWAY_JWKS_URL: url }).gatewayKeys).toEqual({ jwksUrl: url });
  });

  it('refuses a plain-http key address off this machine in production, naming the variable', () => {
    expect(() => config({ NODE_ENV: 'production', MASH_GATEWAY_JWKS_URL: 'http://mash-gateway.example/.well-known/jwks.json' })).toThrow(
      new ConfigError('MASH_GATEWAY_JWKS_URL must be https when NODE_ENV=production (plain http only to a loopback address), got http://mash-gateway.example'),
    );
    expect(() => config({ NODE_ENV: 'production', MASH_GATEWAY_CHECKPOINT_URL: 'http://10.1.2.3/audit/checkpoint' })).toThrow(/MASH_GATEWAY_CHECKPOINT_URL must be https/);
    // Outside production, development setups may use plain http.
    expect(config({ MASH_GATEWAY_JWKS_URL: 'http://mash-gateway.example/.well-known/jwks.json' }).gatewayKeys).toEqual({ jwksUrl: 'http://mash-gateway.example/.well-known/jwks.json' });
  });

  it('prefers a pinned key file, whatever the URL says', () => {
    expect(config({ NODE_ENV: 'production', MASH_GATEWAY_JWKS_FILE: '/etc/mash/gateway-jwks.json' }).gatewayKeys).toEqual({ keyFile: '/etc/mash/gateway-jwks.json' });
  });

  it('keeps checkpoints every 60 s by default, and can be switched off', () => {
    expect(config({}).checkpoints).toEqual({ enabled: true, url: 'http://127.0.0.1:4000/audit/checkpoint', intervalMs: 60_000 });
    expect(config({ MASH_CHECKPOINTS: 'false', MASH_CHECKPOINT_INTERVAL_SECONDS: '300' }).checkpoints).toMatchObject({ enabled: false, intervalMs: 300_000 });
    expect(() => config({ MASH_CHECKPOINT_INTERVAL_SECONDS: '0' })).toThrow(/MASH_CHECKPOINT_INTERVAL_SECONDS must be at least 1/);
  });

  it('listens with TLS only with both a certificate and its key; a client CA means mutual TLS', () => {
    expect(config({}).tls).toBeUndefined();
    expect(config({ POLICE_TLS_CERT_FILE: 'c.pem', POLICE_TLS_KEY_FILE: 'k.pem', POLICE_TLS_CLIENT_CA_FILE: 'ca.pem' }).tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem' });
    expect(() => config({ POLICE_TLS_CERT_FILE: 'c.pem' })).toThrow(/POLICE_TLS_CERT_FILE and POLICE_TLS_KEY_FILE go together/);
    expect(() => config({ POLICE_TLS_CLIENT_CA_FILE: 'ca.pem' })).toThrow(/POLICE_TLS_CLIENT_CA_FILE needs both/);
  });
});
