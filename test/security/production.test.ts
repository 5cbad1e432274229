import { spawn } from 'node:child_process';
import path from 'node:path';
import { generateSigningKey, jose } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

// Issue 9 part 6: malformed JSON answered with an HTML stack trace and the raw body (names)
// written to the log; introspection, suggestions and the landing page on for every role; a
// 10-year user token accepted.
const NAME = 'Zebedee';
const STACK = /\n\s+at |\bat .*\.(js|ts):\d+|node_modules|<html|<pre/i;

/** Everything the process writes: the shared logger's lines, Apollo's, TypeORM's, console's. */
function captureOutput(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    restore.push(() => (console[method] = original));
  }
  return { lines, stop: () => restore.forEach((undo) => undo()) };
}

/** The gateway's entry as `npm start` runs it, in production with `env`: how it exited and what it wrote to stderr. */
function startGatewayProcess(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const entry = path.resolve(__dirname, '../../gateway/dist/index.js');
  const { PATH, HOME } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env: { PATH, HOME, NODE_ENV: 'production', GATEWAY_PORT: '0', MASH_SEED: 'false', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A gateway that started after all would listen for ever: ended here, and the test fails on its status.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

// Three gateway processes that must refuse to start: independent of each other and of the
// federation below, so all started at once, at the beginning; the start-up tests read their ends.
let refusals: Record<'demoMode' | 'noGrant' | 'noUserKeys', Promise<{ status: number | null; stderr: string }>>;
beforeAll(async () => {
  const grant = await generateSigningKey();
  refusals = {
    demoMode: startGatewayProcess({ MASH_DEMO_MODE: 'true' }),
    noGrant: startGatewayProcess({ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example' }),
    noUserKeys: startGatewayProcess({ MASH_GRANT_PRIVATE_KEY: grant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }),
  };
  for (const run of Object.values(refusals)) run.catch(() => undefined); // reported by the test that awaits it
});

describe('production mode (NODE_ENV=production)', () => {
  let federation: Federation;
  let output: ReturnType<typeof captureOutput>;
  let triage: string;

  const post = async (body: string | Buffer, token: string | null = triage, url = () => federation.gateway.url) => {
    const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const expectCleanJson = (answer: { type: string; text: string }) => {
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.text).not.toMatch(STACK);
    expect(answer.text).not.toContain(NAME);
    return JSON.parse(answer.text);
  };

  beforeAll(async () => {
    output = captureOutput();
    federation = await startFederation({ people: 100, production: true });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-prod' });
  });
  afterAll(async () => {
    await federation?.stop();
    output?.stop();
  });

  it('answers a malformed JSON body with a JSON error: no stack, nothing of the body', async () => {
    const answer = await post(`{"query": "mutation { receiveReferral(input: {familyName: \\"${NAME}\\" }) }", ${NAME}`);
    expect(answer.status).toBe(400);
    expect(expectCleanJson(answer).errors[0].extensions.code).toBe('BAD_REQUEST');
    const anonymous = await post(`{"query": ${NAME}`, null);
    expect(anonymous.status).toBe(400);
    expectCleanJson(anonymous);
  });

  it('answers an oversized body with a JSON 413: no stack, nothing of the body', async () => {
    const answer = await post(JSON.stringify({ query: '{ cases { id } }', variables: { note: `${NAME} `.repeat(300_000) } }));
    expect(answer.status).toBe(413);
    expect(expectCleanJson(answer).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers the same for an agency: a malformed or oversized body without a grant gets JSON, no stack', async () => {
    for (const agency of ['police', 'health'] as const) {
      const url = () => federation.agencies[agency].url;
      const malformed = await post(`{"query": ${NAME}`, null, url);
      expect([400, 401]).toContain(malformed.status);
      expectCleanJson(malformed);
      const oversized = await post(JSON.stringify({ query: `${NAME} `.repeat(300_000) }), null, url);
      expect([401, 413]).toContain(oversized.status);
      expectCleanJson(oversized);
    }
  });

  it('hides a failing resolver\'s message (it may quote the request) and still says what to do', async () => {
    // The database refuses this family name with a message quoting it: an unexpected failure.
    await federation.hub.dataSource.query(`
      CREATE FUNCTION test_refuse_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.family_name = '${NAME}' THEN RAISE EXCEPTION 'cannot store %', NEW.family_name; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_refuse_name BEFORE INSERT ON mash_subject FOR EACH ROW EXECUTE FUNCTION test_refuse_name();`);
    try {
      const answer = await post(JSON.stringify({
        query: 'mutation($input: ReferralInput!) { receiveReferral(input: $input) { id } }',
        variables: { input: { referrerName: 'GP', concern: 'Worried', subjects: [{ householdRole: 'CHILD', familyName: NAME, dateOfBirth: '2015-01-01' }] } },
      }));
      const body = expectCleanJson(answer);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0].message).toMatch(/^Something went wrong on our side/);
    } finally {
      await federation.hub.dataSource.query('DROP TRIGGER test_refuse_name ON mash_subject; DROP FUNCTION test_refuse_name()');
    }
  });

  it('refuses introspection, hides field suggestions and serves no landing page', async () => {
    const introspection = await post(JSON.stringify({ query: '{ __schema { types { name } } }' }));
    expect(introspection.status).toBe(400);
    expect(expectCleanJson(introspection).errors[0].extensions.validationErrorCode).toBe('INTROSPECTION_DISABLED');
    const typo = expectCleanJson(await post(JSON.stringify({ query: '{ casez { id } }' })));
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const page = await fetch(federation.gateway.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/<html/i);
  });

  it('refuses a user token issued for 10 years, or with no issue time, with UNAUTHENTICATED', async () => {
    const tenYears = await federation.token({ role: 'mash-triage', sub: 'long-lived', expiresIn: '3650d' });
    const refused = await post(JSON.stringify({ query: '{ cases { id } }' }), tenYears);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(JSON.parse(refused.text).errors[0].message).toMatch(/longer than the 12 hours/);

    const { privateJwk, issuer, audience } = federation.userIssuer;
    const key = await jose.importJWK(privateJwk, 'ES256');
    const sign = (build: (jwt: jose.SignJWT) => jose.SignJWT) =>
      build(new jose.SignJWT({ roles: ['mash-triage'] }).setProtectedHeader({ alg: 'ES256' }).setIssuer(issuer).setAudience(audience).setSubject('x')).sign(key);
    const noIat = await sign((jwt) => jwt.setExpirationTime('1h'));
    expect((await post(JSON.stringify({ query: '{ cases { id } }' }), noIat)).status).toBe(401);
    const old = await sign((jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 13 * 3600).setExpirationTime('1h'));
    expect(JSON.parse((await post(JSON.stringify({ query: '{ cases { id } }' }), old)).text).errors[0].message).toMatch(/issued more than 12 hours ago/);
    expect((await post(JSON.stringify({ query: '{ cases { id } }' }), triage)).status).toBe(200);
  });

  it('answers an unknown operationName with 400', async () => {
    const answer = await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expect(answer.status).toBe(400);
    expect(expectCleanJson(answer).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('wrote no stack trace and nothing from any request body to any log line', () => {
    const joined = output.lines.join('');
    expect(joined).not.toContain(NAME);
    expect(joined).not.toMatch(/\n\s+at [^\n]*\((\/|node:)/);
    expect(output.lines.some((line) => line.includes('"event":"request_rejected"'))).toBe(true);
  });
});

describe('production start-up', () => {
  it('refuses demo mode', async () => {
    const run = await refusals.demoMode;
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MASH_DEMO_MODE=true cannot be used with NODE_ENV=production/);
  });

  it('refuses to start without a grant key, or without user-token keys', async () => {
    const noGrant = await refusals.noGrant;
    expect(noGrant.status).toBe(1);
    expect(noGrant.stderr).toMatch(/MASH_GRANT_PRIVATE_KEY is required when NODE_ENV=production/);
    const noUserKeys = await refusals.noUserKeys;
    expect(noUserKeys.status).toBe(1);
    expect(noUserKeys.stderr).toMatch(/Set AUTH_JWKS_URL or AUTH_PUBLIC_KEY/);
    expect(noUserKeys.stderr).not.toMatch(/MASH_DEMO_MODE/);
  });
});
