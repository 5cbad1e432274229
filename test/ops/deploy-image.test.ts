import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestPki, type TestPki } from '../support/tls';

// The image's entry point (deploy/entrypoint.js) and container health check (deploy/probe.js),
// run for real; and the Dockerfile covering every workspace the entry point starts.
const root = path.resolve(__dirname, '../..');
const SERVICES = ['gateway', 'police', 'social-care', 'health', 'education'];

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the image\'s entry point and probe', () => {
  it('the Dockerfile installs and copies every workspace, and the entry point knows every service', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const workspaces: string[] = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces;
    for (const workspace of workspaces) {
      expect(dockerfile.match(new RegExp(`^COPY ${workspace}/package.json ${workspace}/$`, 'gm'))?.length).toBe(2);
      expect(dockerfile).toMatch(new RegExp(`^COPY --from=build /app/${workspace}/dist ${workspace}/dist$`, 'm'));
    }
    const entrypoint = require(path.join(root, 'deploy/entrypoint.js'));
    expect(Object.keys(entrypoint.SERVICES).sort()).toEqual([...SERVICES].sort());
    for (const service of Object.values(entrypoint.SERVICES) as { entry: string }[]) {
      expect(fs.existsSync(path.join(root, service.entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('reads <NAME>_FILE into a secret variable (the variable itself wins), and under production refuses a service without its database', async () => {
    const { readSecretFiles } = require(path.join(root, 'deploy/entrypoint.js'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-entry-'));
    try {
      fs.writeFileSync(path.join(folder, 'key'), 'PEM TEXT\n');
      const env: NodeJS.ProcessEnv = { MASH_GRANT_PRIVATE_KEY_FILE: path.join(folder, 'key'), PGPASSWORD_FILE: path.join(folder, 'key'), PGPASSWORD: 'given' };
      readSecretFiles(env);
      expect(env.MASH_GRANT_PRIVATE_KEY).toBe('PEM TEXT');
      expect(env.PGPASSWORD).toBe('given');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const bare = { PATH: process.env.PATH, NODE_ENV: 'production' };
    const refused = await run(['deploy/entrypoint.js', 'police'], bare);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('POLICE_DATABASE_URL (or POLICE_DATABASE_URL_FILE) is required when NODE_ENV=production');
    const unreadable = await run(['deploy/entrypoint.js', 'gateway'], { ...bare, MASH_GRANT_PRIVATE_KEY_FILE: '/nonexistent/key' });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('MASH_GRANT_PRIVATE_KEY_FILE /nonexistent/key cannot be read');
    const unnamed = await run(['deploy/entrypoint.js', 'hub'], bare);
    expect(unnamed.stderr).toContain('name the service to run: gateway, police, social-care, health, education (got hub)');
  });

  describe('probe.js', () => {
    let pki: TestPki;
    const servers: (http.Server | https.Server)[] = [];
    const ready = { value: true };
    const handler: http.RequestListener = (req, res) => {
      res.statusCode = req.url === '/health' || (req.url === '/ready' && ready.value) ? 200 : 503;
      res.end();
    };
    async function serve(server: http.Server | https.Server): Promise<number> {
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    }

    beforeAll(() => {
      pki = createTestPki();
    });
    afterAll(async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      pki.remove();
    });

    it('exits 0 only when every path answers 200 (plain HTTP)', async () => {
      const port = await serve(http.createServer(handler));
      const env = { PATH: process.env.PATH, GATEWAY_PORT: String(port) };
      expect((await run(['deploy/probe.js', 'gateway', '/health', '/ready'], env)).code).toBe(0);
      ready.value = false;
      const notReady = await run(['deploy/probe.js', 'gateway', '/health', '/ready'], env);
      ready.value = true;
      expect(notReady.code).toBe(1);
      expect(notReady.stderr).toContain('gateway /ready: 503');
    });

    it('speaks TLS when the agency does, and under mutual TLS presents MASH_PROBE_CLIENT_CERT_FILE', async () => {
      const tls = { cert: fs.readFileSync(pki.serverCertFile), key: fs.readFileSync(pki.serverKeyFile) };
      const serverOnly = await serve(https.createServer(tls, handler));
      const mutual = await serve(https.createServer({ ...tls, ca: fs.readFileSync(pki.caFile), requestCert: true, rejectUnauthorized: true }, handler));
      const base = { PATH: process.env.PATH, HEALTH_TLS_CERT_FILE: pki.serverCertFile };
      expect((await run(['deploy/probe.js', 'health', '/health', '/ready'], { ...base, HEALTH_PORT: String(serverOnly) })).code).toBe(0);
      const plain = await run(['deploy/probe.js', 'health', '/health'], { PATH: process.env.PATH, HEALTH_PORT: String(serverOnly) });
      expect(plain.code).toBe(1);
      const refused = await run(['deploy/probe.js', 'health', '/health'], { ...base, HEALTH_PORT: String(mutual) });
      expect(refused.code).toBe(1);
      const presented = await run(['deploy/probe.js', 'health', '/health', '/ready'], {
        ...base, HEALTH_PORT: String(mutual), MASH_PROBE_CLIENT_CERT_FILE: pki.clientCertFile, MASH_PROBE_CLIENT_KEY_FILE: pki.clientKeyFile,
      });
      expect(presented.code).toBe(0);
    });
  });
});
