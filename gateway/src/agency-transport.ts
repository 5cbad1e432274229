import { ConfigError, isLoopbackUrl, optionalString, tlsDispatcher, type AgencyName, type Dispatcher } from '@mash/shared';

/**
 * How the gateway reaches agencies over https: the CA it trusts for their certificates and the
 * client certificate it presents to agencies that require mutual TLS. All optional: unset, Node's
 * defaults (the system's CAs, no client certificate).
 */
export interface AgencyTransportConfig {
  /** `MASH_AGENCY_CA_FILE`: PEM of the CA (or CAs) that signed the agencies' certificates. */
  caFile?: string;
  /** `MASH_AGENCY_CLIENT_CERT_FILE` and `MASH_AGENCY_CLIENT_KEY_FILE`: the gateway's client certificate and key (PEM). */
  clientCertFile?: string;
  clientKeyFile?: string;
}

/**
 * Reads the transport settings and, in production, refuses a plain-http agency address that is not
 * loopback: grants and people's details would cross the network readable and replayable.
 */
export function agencyTransportFromEnv(agencyUrls: Record<AgencyName, string>, production: boolean, env: NodeJS.ProcessEnv = process.env): AgencyTransportConfig {
  if (production) {
    for (const [agency, url] of Object.entries(agencyUrls)) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && !isLoopbackUrl(parsed)) {
        throw new ConfigError(`the ${agency} address ${parsed.origin} must be https when NODE_ENV=production (plain http only to a loopback address)`);
      }
    }
  }
  const caFile = optionalString('MASH_AGENCY_CA_FILE', env);
  const clientCertFile = optionalString('MASH_AGENCY_CLIENT_CERT_FILE', env);
  const clientKeyFile = optionalString('MASH_AGENCY_CLIENT_KEY_FILE', env);
  return { ...(caFile ? { caFile } : {}), ...(clientCertFile ? { clientCertFile } : {}), ...(clientKeyFile ? { clientKeyFile } : {}) };
}

/** The undici dispatcher the agency data sources fetch through, or undefined for Node's default. */
export function agencyDispatcher(config: AgencyTransportConfig | undefined): Dispatcher | undefined {
  if (!config) return undefined;
  return tlsDispatcher({
    caFile: config.caFile ? { path: config.caFile, variable: 'MASH_AGENCY_CA_FILE' } : undefined,
    certFile: config.clientCertFile ? { path: config.clientCertFile, variable: 'MASH_AGENCY_CLIENT_CERT_FILE' } : undefined,
    keyFile: config.clientKeyFile ? { path: config.clientKeyFile, variable: 'MASH_AGENCY_CLIENT_KEY_FILE' } : undefined,
  });
}
