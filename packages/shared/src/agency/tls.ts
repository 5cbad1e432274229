import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConfigError, envPrefix, optionalString } from '../config';
import { readPemFile } from '../tls';
import type { AgencyApp, RunningService } from './app';

/** Where an agency's TLS material is; read at start. */
export interface AgencyTlsFiles {
  /** `<AGENCY>_TLS_CERT_FILE`: the agency's certificate chain (PEM). */
  certFile: string;
  /** `<AGENCY>_TLS_KEY_FILE`: its private key (PEM). */
  keyFile: string;
  /** `<AGENCY>_TLS_CLIENT_CA_FILE`: mutual TLS; only clients with a certificate this CA signed may connect. */
  clientCaFile?: string;
}

/** The TLS settings from the environment, or undefined (plain HTTP) when no certificate is set. */
export function agencyTlsFromEnv(agency: string, env: NodeJS.ProcessEnv = process.env): AgencyTlsFiles | undefined {
  const prefix = envPrefix(agency);
  const certFile = optionalString(`${prefix}_TLS_CERT_FILE`, env);
  const keyFile = optionalString(`${prefix}_TLS_KEY_FILE`, env);
  const clientCaFile = optionalString(`${prefix}_TLS_CLIENT_CA_FILE`, env);
  if (!certFile && !keyFile && !clientCaFile) return undefined;
  if (!certFile || !keyFile) {
    throw new ConfigError(`${prefix}_TLS_CERT_FILE and ${prefix}_TLS_KEY_FILE go together${clientCaFile ? `, and ${prefix}_TLS_CLIENT_CA_FILE needs both` : ''}`);
  }
  return { certFile, keyFile, ...(clientCaFile ? { clientCaFile } : {}) };
}

/** The options of Node's TLS server for these files: TLS 1.2 at least; with a client CA, a client certificate it signed is required. */
export function agencyTlsOptions(agency: string, files: AgencyTlsFiles): https.ServerOptions {
  const prefix = envPrefix(agency);
  const mutual = files.clientCaFile !== undefined;
  return {
    cert: readPemFile({ path: files.certFile, variable: `${prefix}_TLS_CERT_FILE` }),
    key: readPemFile({ path: files.keyFile, variable: `${prefix}_TLS_KEY_FILE` }),
    minVersion: 'TLSv1.2',
    ...(mutual ? { ca: readPemFile({ path: files.clientCaFile!, variable: `${prefix}_TLS_CLIENT_CA_FILE` }), requestCert: true, rejectUnauthorized: true } : {}),
  };
}

/**
 * Listens with TLS on `port` (0 picks a free one). A plain-HTTP request to this port fails at the
 * handshake, before anything of the app runs; without the client CA's certificate, under mutual
 * TLS, so does every request.
 */
export async function listenTls(built: AgencyApp, tls: https.ServerOptions, port: number, host = '127.0.0.1'): Promise<RunningService> {
  const server = https.createServer(tls, built.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    port: bound,
    url: `https://${host}:${bound}/graphql`,
    async stop() {
      await built.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
