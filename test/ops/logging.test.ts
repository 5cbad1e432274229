import { createLogger, REDACTED, REQUEST_ID_HEADER } from '@mash/shared';
import { startFederation, type Federation } from '../support/federation';

// The services' logs: pino behind the Logger interface, one JSON line per event on stdout (info,
// debug) or stderr (warn, error), levels per service, personal data never written, and the
// gateway's request id on the agencies' lines for the fetches it made.

interface Line {
  stream: 'stdout' | 'stderr';
  raw: string;
  json: Record<string, any>;
}

/** Takes the services' JSON log lines off stdout and stderr until `stop()`; anything else passes through. */
function captureLogs(): { lines: Line[]; stop(): void } {
  const lines: Line[] = [];
  const spies = (['stdout', 'stderr'] as const).map((stream) => {
    const original = process[stream].write.bind(process[stream]);
    return jest.spyOn(process[stream], 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      let taken = false;
      for (const raw of text.split('\n').filter(Boolean)) {
        try {
          const json = JSON.parse(raw);
          if (json && typeof json.service === 'string') {
            lines.push({ stream, raw, json });
            taken = true;
          }
        } catch {
          // not a log line
        }
      }
      return taken ? true : (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write);
  });
  return { lines, stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

const LEVEL_VARIABLES = ['MASH_LOG_LEVEL', 'MASH_LOG_LEVEL_OPS_LOUD', 'MASH_LOG_LEVEL_OPS_QUIET', 'MASH_LOG_LEVEL_POLICE', 'MASH_LOG_LEVEL_GATEWAY'];
const saved = Object.fromEntries(LEVEL_VARIABLES.map((name) => [name, process.env[name]]));
function restoreLevels(): void {
  for (const name of LEVEL_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
}

describe('log lines', () => {
  afterEach(restoreLevels);

  it('redact personal data and credentials by key at any depth, keep ids, and leave the caller\'s fields as they were', () => {
    const personal = ['Zebedee', 'Quill', '2019-02-03', '1 Canal Lane', 'CV1 1AA', '943 476 5919', 'A123456789012', '12/345678A', 'ada@example.org', '07700 900123', 'Mother says', 's3cret'];
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0cmlhZ2UifQ.c2lnbmF0dXJlLWJ5dGVz';
    const fields = {
      caseId: 'case-7', grantId: 'grant-9', count: 3,
      subject: {
        givenName: 'Zebedee', family_name: 'Quill', DateOfBirth: '2019-02-03',
        address: { line1: '1 Canal Lane', postcode: 'CV1 1AA' },
        identifiers: [{ nhsNumber: '943 476 5919' }, { upn: 'A123456789012' }, { 'pnc-id': '12/345678A' }],
      },
      people: [{ name: 'Ada Quill', email: 'ada@example.org', phone: '07700 900123', id: 'person-1' }],
      concern: 'Mother says the child is left alone',
      request: { headers: { authorization: `Bearer ${jwt}` } },
      note: `forwarded ${jwt}`,
      url: 'postgres://mash:s3cret@db.internal:5432/police',
    };
    const before = JSON.stringify(fields);
    const capture = captureLogs();
    try {
      createLogger('ops-redaction').info('case.looked_up', fields);
    } finally {
      capture.stop();
    }
    expect(capture.lines).toHaveLength(1);
    const [{ json, raw, stream }] = capture.lines;
    expect(stream).toBe('stdout');
    expect(json).toMatchObject({ level: 'info', service: 'ops-redaction', event: 'case.looked_up', caseId: 'case-7', grantId: 'grant-9', count: 3 });
    expect(new Date(json.time).toISOString()).toBe(json.time);
    expect(json.subject).toEqual({
      givenName: REDACTED, family_name: REDACTED, DateOfBirth: REDACTED, address: REDACTED,
      identifiers: [{ nhsNumber: REDACTED }, { upn: REDACTED }, { 'pnc-id': REDACTED }],
    });
    expect(json.people).toEqual([{ name: REDACTED, email: REDACTED, phone: REDACTED, id: 'person-1' }]);
    expect(json.concern).toBe(REDACTED);
    expect(json.request).toEqual({ headers: { authorization: REDACTED } });
    expect(json.note).toBe(`forwarded ${REDACTED}`);
    expect(json.url).toBe(`postgres://mash:${REDACTED}@db.internal:5432/police`);
    for (const value of [...personal, jwt]) expect(raw).not.toContain(value);
    expect(JSON.stringify(fields)).toBe(before);
  });

  it('follow each service\'s level: MASH_LOG_LEVEL_<SERVICE> over MASH_LOG_LEVEL, warn and error on stderr, info and debug on stdout', () => {
    const loud = createLogger('ops-loud');
    const quiet = createLogger('ops-quiet');
    const capture = captureLogs();
    try {
      process.env.MASH_LOG_LEVEL = 'warn';
      process.env.MASH_LOG_LEVEL_OPS_LOUD = 'debug';
      loud.debug?.('loud.debug');
      loud.info('loud.info');
      quiet.info('quiet.info');
      quiet.debug?.('quiet.debug');
      quiet.warn('quiet.warn');
      quiet.error('quiet.error');
      process.env.MASH_LOG_LEVEL_OPS_QUIET = 'silent';
      quiet.error('quiet.silenced');
      delete process.env.MASH_LOG_LEVEL_OPS_LOUD;
      loud.info('loud.info.now_warn');
      loud.warn('loud.warn');
    } finally {
      capture.stop();
    }
    expect(capture.lines.map(({ json, stream }) => `${json.service} ${json.level} ${json.event} ${stream}`)).toEqual([
      'ops-loud debug loud.debug stdout',
      'ops-loud info loud.info stdout',
      'ops-quiet warn quiet.warn stderr',
      'ops-quiet error quiet.error stderr',
      'ops-loud warn loud.warn stderr',
    ]);
  });

  it('count an unknown level as info and say which variable was wrong', () => {
    const capture = captureLogs();
    try {
      process.env.MASH_LOG_LEVEL_OPS_QUIET = 'loud';
      createLogger('ops-quiet').info('quiet.info');
    } finally {
      capture.stop();
    }
    expect(capture.lines.map(({ json }) => json)).toEqual([
      expect.objectContaining({ level: 'warn', event: 'log_level.invalid', variable: 'MASH_LOG_LEVEL_OPS_QUIET' }),
      expect.objectContaining({ level: 'info', event: 'quiet.info' }),
    ]);
  });
});

describe('one request id from the gateway to the agencies', () => {
  let federation: Federation;
  let triage: string;
  let redCase: string;

  beforeAll(async () => {
    federation = await startFederation({ people: 100 });
    triage = await federation.token({ role: 'mash-triage', sub: 'triage-logging' });
    const { body } = await federation.query('{ cases { id rag } }', {}, triage);
    redCase = body.data.cases.find((item: { rag: string }) => item.rag === 'RED').id;
  });
  afterAll(async () => {
    restoreLevels();
    await federation?.stop();
  });

  async function view(headers: Record<string, string> = {}): Promise<{ requestId: string | null; body: any }> {
    const response = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${triage}`, ...headers },
      body: JSON.stringify({
        query: 'query($id: ID!) { case(id: $id) { subjects { givenName familyName police { status } socialCare { status } health { status } education { status } } } }',
        variables: { id: redCase },
      }),
    });
    return { requestId: response.headers.get(REQUEST_ID_HEADER), body: await response.json() };
  }

  it('is answered to the client, sent with every agency fetch, and on the agency\'s log lines and disclosure-log rows for that request', async () => {
    process.env.MASH_LOG_LEVEL_POLICE = 'debug';
    process.env.MASH_LOG_LEVEL_GATEWAY = 'debug';
    const capture = captureLogs();
    let first: Awaited<ReturnType<typeof view>>;
    let second: Awaited<ReturnType<typeof view>>;
    try {
      first = await view();
      // A client's own id is not taken: the access log holds the gateway's ids only.
      second = await view({ [REQUEST_ID_HEADER]: 'chosen-by-the-client' });
    } finally {
      capture.stop();
    }
    expect(first.body.errors).toBeUndefined();
    const subjects = first.body.data.case.subjects as any[];
    expect(subjects.flatMap((s) => [s.police.status, s.socialCare.status, s.health.status, s.education.status])).toContain('MATCHED');
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.requestId).not.toBe(first.requestId);

    const lines = (service: string, requestId: string | null) => capture.lines.filter(({ json }) => json.service === service && json.requestId === requestId);
    expect(lines('police', first.requestId).map(({ json }) => json)).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'debug', event: 'request', path: '/graphql', status: 200 })]),
    );
    expect(lines('police', second.requestId).length).toBeGreaterThan(0);
    expect(lines('gateway', first.requestId).map(({ json }) => json.event)).toContain('request');
    // Agencies at their default level (info) write nothing for a request that went well.
    expect(capture.lines.filter(({ json }) => ['social-care', 'health', 'education'].includes(json.service))).toEqual([]);

    // Every agency keeps its disclosures for that request under the gateway's id.
    for (const agency of ['police', 'social-care', 'health', 'education'] as const) {
      const [{ n }] = await federation.agencies[agency].database.dataSource.query('SELECT count(*)::int AS n FROM disclosure_log WHERE request_id = $1', [first.requestId]);
      expect({ agency, n }).toEqual({ agency, n: subjects.length });
    }
    const [audited] = await federation.hub.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [first.requestId]);
    expect(audited.n).toBeGreaterThan(0);

    // No name of the people viewed in any line written meanwhile.
    const names = subjects.flatMap((s) => [s.givenName, s.familyName]).filter((name) => typeof name === 'string' && name.length > 2);
    expect(names.length).toBeGreaterThan(0);
    for (const { raw } of capture.lines) for (const name of names) expect(raw).not.toContain(name);
  });

  it('is the agency\'s own where the caller sent none or one it cannot safely keep', async () => {
    const police = federation.agencies.police.url;
    const capture = captureLogs();
    try {
      for (const header of [undefined, 'bad id <script>', 'x'.repeat(65), 'req-from-gateway-1']) {
        const response = await fetch(police, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(header ? { [REQUEST_ID_HEADER]: header } : {}) },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
        });
        expect(response.status).toBe(401);
      }
    } finally {
      capture.stop();
    }
    const refused = capture.lines.filter(({ json }) => json.service === 'police' && json.event === 'grant.refused').map(({ json }) => json.requestId);
    expect(refused).toHaveLength(4);
    expect(refused.slice(0, 3)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/), expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(refused[3]).toBe('req-from-gateway-1');
  });
});
