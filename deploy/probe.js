#!/usr/bin/env node
'use strict';
// A container health check without curl: `node deploy/probe.js <service> /health [/ready]` exits 0
// when the service in this container answers 200 on every path, 1 otherwise (3 s each).
// It asks this container's own port over loopback: plain HTTP, or TLS when the service listens
// with TLS (`<AGENCY>_TLS_CERT_FILE`). The certificate is not checked here (its real clients check
// it; this only asks whether the process answers). Under mutual TLS the probe presents
// MASH_PROBE_CLIENT_CERT_FILE and MASH_PROBE_CLIENT_KEY_FILE, a client certificate the CA signed.
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');

const PREFIXES = { gateway: 'GATEWAY', police: 'POLICE', 'social-care': 'SOCIAL_CARE', health: 'HEALTH', education: 'EDUCATION' };
const DEFAULT_PORTS = { gateway: 4000, police: 4001, 'social-care': 4002, health: 4003, education: 4004 };

function get(url, options) {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.get(url, { ...options, timeout: 3000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve(error.code ?? error.message));
  });
}

async function main() {
  const [service, ...paths] = process.argv.slice(2);
  const prefix = PREFIXES[service];
  if (!prefix || paths.length === 0) {
    process.stderr.write(`usage: probe.js <${Object.keys(PREFIXES).join('|')}> /health [/ready]\n`);
    process.exit(2);
  }
  const env = process.env;
  const port = Number(env[`${prefix}_PORT`] ?? DEFAULT_PORTS[service]);
  const tls = Boolean(env[`${prefix}_TLS_CERT_FILE`]);
  const options = tls
    ? {
        rejectUnauthorized: false,
        ...(env.MASH_PROBE_CLIENT_CERT_FILE
          ? { cert: fs.readFileSync(env.MASH_PROBE_CLIENT_CERT_FILE), key: fs.readFileSync(env.MASH_PROBE_CLIENT_KEY_FILE ?? '') }
          : {}),
      }
    : {};
  for (const path of paths) {
    const status = await get(new URL(`${tls ? 'https' : 'http'}://127.0.0.1:${port}${path}`), options);
    if (status !== 200) {
      process.stderr.write(`${service} ${path}: ${status}\n`);
      process.exit(1);
    }
  }
}

main().catch((error) => {
  process.stderr.write(`probe: ${error.message}\n`);
  process.exit(1);
});
