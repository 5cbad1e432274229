import fs from 'node:fs';
import type { Dispatcher } from 'undici';
import { ConfigError } from './config';

export type { Dispatcher };

/**
 * PEM files for a TLS client: the CA to trust for the server, and optionally a client certificate
 * and key to present (mutual TLS). Each names the variable it came from, for error messages.
 */
export interface ClientTlsFiles {
  caFile?: { path: string; variable: string };
  certFile?: { path: string; variable: string };
  keyFile?: { path: string; variable: string };
}

/** A PEM file's text; a file that cannot be read stops start-up naming its variable. */
export function readPemFile(file: { path: string; variable: string }): string {
  let text: string;
  try {
    text = fs.readFileSync(file.path, 'utf8');
  } catch {
    throw new ConfigError(`${file.variable} ${file.path} cannot be read`);
  }
  if (!text.includes('-----BEGIN ')) throw new ConfigError(`${file.variable} ${file.path} is not a PEM file`);
  return text;
}

/**
 * An undici dispatcher for Node's `fetch` (`{ dispatcher }`) that trusts only the given CA (when
 * set) and presents the client certificate (when set); undefined when nothing is configured, so
 * fetch keeps its defaults. Certificates and keys are read once, at start.
 */
export function tlsDispatcher(files: ClientTlsFiles): Dispatcher | undefined {
  if (Boolean(files.certFile) !== Boolean(files.keyFile)) {
    const [set, unset] = files.certFile ? [files.certFile.variable, 'its key file'] : [files.keyFile!.variable, 'its certificate file'];
    throw new ConfigError(`${set} is set without ${unset}: a client certificate needs both`);
  }
  if (!files.caFile && !files.certFile) return undefined;
  // Loaded only here: undici's client is about 85 ms of every start of the processes that import
  // this package (agencies, CLIs, every test suite), and only a TLS client needs it.
  const { Agent } = require('undici') as typeof import('undici');
  return new Agent({
    connect: {
      ...(files.caFile ? { ca: readPemFile(files.caFile) } : {}),
      ...(files.certFile ? { cert: readPemFile(files.certFile), key: readPemFile(files.keyFile!) } : {}),
      minVersion: 'TLSv1.2',
    },
  });
}

/** A URL on this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Parses `value` as a URL and, in production, refuses anything but https unless it is loopback
 * (a sidecar or a proxy on the same machine): keys and checkpoints fetched over plain HTTP could be
 * swapped on the way.
 */
export function secureUrl(value: string, variable: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${variable} "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${variable} must be an http(s) URL, got ${url.protocol}`);
  if (production && url.protocol === 'http:' && !isLoopbackUrl(url)) {
    throw new ConfigError(`${variable} must be https when NODE_ENV=production (plain http only to a loopback address), got ${url.origin}`);
  }
  return url.toString();
}
