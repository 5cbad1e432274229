import { AGENCIES } from '@mash/shared';
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from './support/postgres';
import { startStack, SERVICES, type ServiceName, type Stack } from './support/stack';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { agencyErrorCodes, agencyOutcome, complete, eventually, hasAgencyData, triageClient, type Answer, type TriageClient } from './support/triage';
import { verifyAuditChain } from './support/audit';

/**
 * Databases failing under running services: an agency's database gone (an error from the agency at
 * once, not a hang; back without restarting it), an agency's database hanging (bounded by the
 * agency timeout; back when the database answers again), the hub's database gone (nothing served, no agency
 * data: fail closed; back without restart) and the Postgres server restarted under load (every
 * service reconnects by itself). These tests stop and cut a database, so they run on a private
 * Postgres server of their own, never the shared one other test files use; the two databases cut
 * are reached through a TCP proxy the test can close.
 */
const AGENCY_TIMEOUT_MS = 2000;
/** MASH_DB_QUERY_TIMEOUT_MS and MASH_DB_CONNECT_TIMEOUT_MS of every service here (defaults 30 s and 10 s). */
const DB_TIMEOUT_MS = 3000;
const bin = postgresBinaries();
const figures: Record<string, number> = {};
/** What clients were told while the server restarted. */
const seen: string[] = [];
const describeWithPostgres = bin ? describe : describe.skip;
if (!bin) {
  console.warn('faults: databases skipped: no Postgres server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or MASH_PG_BIN to run a private server');
}

describeWithPostgres(`faults: databases down and restarted${bin ? '' : ' (skipped: no Postgres server binaries)'}`, () => {
  let postgres: PrivatePostgres;
  let hubProxy: TcpProxy;
  let agencyProxy: TcpProxy;
  let stack: Stack;
  let client: TriageClient;
  let caseId: string;
  const pids = () => Object.fromEntries(SERVICES.map((name) => [name, stack.services[name].pid])) as Record<ServiceName, number | undefined>;
  let startedPids: Record<ServiceName, number | undefined>;

  beforeAll(async () => {
    const started = Date.now();
    postgres = await startPrivatePostgres(bin!);
    figures.postgresStartMs = Date.now() - started;
    hubProxy = await startTcpProxy(postgres.url('mash_hub'));
    agencyProxy = await startTcpProxy(postgres.url('mash_social_care'));
    stack = await startStack({
      agencyTimeoutMs: AGENCY_TIMEOUT_MS,
      databaseUrls: {
        gateway: hubProxy.url,
        'social-care': agencyProxy.url,
        police: postgres.url('mash_police'),
        health: postgres.url('mash_health'),
        education: postgres.url('mash_education'),
      },
      env: { MASH_DB_QUERY_TIMEOUT_MS: String(DB_TIMEOUT_MS), MASH_DB_CONNECT_TIMEOUT_MS: String(DB_TIMEOUT_MS) },
    });
    figures.stackStartMs = Date.now() - started;
    startedPids = pids();
    client = await triageClient(stack);
    caseId = await client.redCaseId();
    figures.warmUpMs = await eventually('all four agencies answering', async () => complete(await client.triage(caseId)), 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await Promise.allSettled([hubProxy?.close(), agencyProxy?.close()]);
    postgres?.remove();
    console.log(`database faults: ${JSON.stringify(figures)}\nerrors during the restart: ${JSON.stringify(seen, null, 1)}`);
  }, 30_000);

  const readyStatus = async (service: ServiceName) => (await fetch(`${stack.services[service].url}/ready`, { signal: AbortSignal.timeout(5000) })).status;

  it("an agency's database down: that agency answers an error for each subject at once (no hang), the others are intact; it serves again when the database is back, not restarted", async () => {
    await agencyProxy.cut();
    try {
      for (let round = 0; round < 3; round += 1) {
        const answer = await client.triage(caseId);
        const subjects = answer.body.data?.case?.subjects ?? [];
        expect(answer.status).toBe(200);
        // Within the agency timeout: the agency itself answered the error; the gateway did not give up waiting.
        expect(answer.ms).toBeLessThan(AGENCY_TIMEOUT_MS);
        expect(agencyOutcome(answer, 'social-care')).toBe('null');
        expect(agencyErrorCodes(answer, 'social-care')).toEqual(subjects.map(() => 'AGENCY_UNAVAILABLE'));
        for (const agency of AGENCIES.filter((name) => name !== 'social-care')) expect({ agency, outcome: agencyOutcome(answer, agency) }).toEqual({ agency, outcome: 'answered' });
        expect(answer.body.errors).toHaveLength(subjects.length);
        figures.agencyDbDownViewMs = Math.max(figures.agencyDbDownViewMs ?? 0, answer.ms);
      }
      expect(await readyStatus('social-care')).toBe(503);
    } finally {
      await agencyProxy.restore();
    }
    figures.agencyDbRecoveryMs = await eventually('social care answering again', async () => complete(await client.triage(caseId)), 30_000);
    expect(await readyStatus('social-care')).toBe(200);
    expect(pids()).toEqual(startedPids);
  }, 60_000);

  it("an agency's database hanging: the view arrives within the agency timeout + 1 s with that agency AGENCY_UNAVAILABLE and the others intact; answers resume when the database does, not restarted", async () => {
    agencyProxy.stall();
    try {
      const answers = [await client.triage(caseId), ...(await Promise.all([client.triage(caseId), client.triage(caseId)]))];
      for (const answer of answers) {
        const subjects = answer.body.data?.case?.subjects ?? [];
        expect(answer.status).toBe(200);
        expect(answer.ms).toBeLessThan(AGENCY_TIMEOUT_MS + 1000);
        expect(agencyOutcome(answer, 'social-care')).toBe('null');
        expect(agencyErrorCodes(answer, 'social-care')).toEqual(subjects.map(() => 'AGENCY_UNAVAILABLE'));
        for (const agency of AGENCIES.filter((name) => name !== 'social-care')) expect({ agency, outcome: agencyOutcome(answer, agency) }).toEqual({ agency, outcome: 'answered' });
      }
      figures.agencyDbHangingViewMs = Math.max(...answers.map((answer) => answer.ms));
      expect(await readyStatus('social-care')).toBe(503);
    } finally {
      await agencyProxy.restore();
    }
    figures.agencyDbHangingRecoveryMs = await eventually('social care answering again', async () => complete(await client.triage(caseId)), 30_000);
    expect(await readyStatus('social-care')).toBe(200);
    expect(pids()).toEqual(startedPids);
  }, 60_000);

  it("the hub's database down: nothing is served (no agency data, a clear error, no hang); served again when it is back, not restarted", async () => {
    await hubProxy.cut();
    let answers: Answer[];
    try {
      answers = [await client.triage(caseId), await client.query('{ cases(rag: [RED]) { id } }'), await client.triage(caseId)];
      expect(await readyStatus('gateway')).toBe(503);
    } finally {
      await hubProxy.restore();
    }
    for (const answer of answers) {
      expect(answer.ms).toBeLessThan(AGENCY_TIMEOUT_MS);
      expect(hasAgencyData(answer)).toBe(false);
      expect(answer.body.data?.case ?? answer.body.data?.cases ?? null).toBeNull();
      expect(answer.body.errors?.length).toBeGreaterThan(0);
      // The hub's side failed (in production the message becomes the gateway's plain INTERNAL_SERVER_ERROR).
      for (const error of answer.body.errors ?? []) expect(error.extensions?.serviceName === 'hub' || error.extensions?.code === 'INTERNAL_SERVER_ERROR').toBe(true);
    }
    figures.hubDbDownViewMs = Math.max(...answers.map((answer) => answer.ms));
    figures.hubDbRecoveryMs = await eventually('the gateway serving again', async () => complete(await client.triage(caseId)), 30_000);
    expect(await readyStatus('gateway')).toBe(200);
    expect(pids()).toEqual(startedPids);
  }, 60_000);

  it("an agency's database connections stranded (a failover or a firewall forgetting them): the agency drops them after the query timeout and serves again by itself", async () => {
    // More requests at once than the agency's pool has connections: every one of them is caught.
    agencyProxy.stall();
    const during = await Promise.all(Array.from({ length: 12 }, () => client.triage(caseId)));
    for (const answer of during) expect(agencyOutcome(answer, 'social-care')).toBe('null');
    // The database is reachable again, but the connections open when it hung never answer.
    agencyProxy.strand();
    await agencyProxy.restore();
    figures.strandedRecoveryMs = await eventually('social care answering again', async () => complete(await client.triage(caseId)), DB_TIMEOUT_MS + 20_000);
    expect(pids()).toEqual(startedPids);
  }, 60_000);

  it("the hub's database hanging: nothing is served, an error within the query timeout (no hang); served again when it answers, not restarted", async () => {
    hubProxy.stall();
    let answers: Answer[];
    try {
      answers = await Promise.all([client.triage(caseId), client.query('{ cases(rag: [RED]) { id } }')]);
    } finally {
      await hubProxy.restore();
    }
    for (const answer of answers) {
      expect(answer.ms).toBeLessThan(DB_TIMEOUT_MS + 2000);
      expect(hasAgencyData(answer)).toBe(false);
      expect(answer.body.errors?.length).toBeGreaterThan(0);
    }
    figures.hubDbHangingViewMs = Math.max(...answers.map((answer) => answer.ms));
    figures.hubDbHangingRecoveryMs = await eventually('the gateway serving again', async () => complete(await client.triage(caseId)), 30_000);
    expect(pids()).toEqual(startedPids);
  }, 60_000);

  it('Postgres restarted under load: every service reconnects by itself and the access log stays whole', async () => {
    const answers: { at: number; done: number; answer: Answer | null }[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const at = Date.now();
        const answer = await client.triage(caseId, 15_000).catch(() => null);
        answers.push({ at, done: Date.now(), answer });
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    // Under load: a few answers (complete, the server up) before the restart.
    await eventually('answers before the restart', async () => answers.length >= 4, 30_000, 50);
    const restartAt = Date.now();
    await postgres.restart();
    const restartedAt = Date.now();
    figures.postgresRestartMs = restartedAt - restartAt;
    try {
      figures.recoveryAfterRestartMs = await eventually('complete answers after the restart', async () => complete(await client.triage(caseId)), 30_000, 100);
      // Under load still: a few of the workers' requests started after the recovery, to check below.
      const recovered = restartedAt + figures.recoveryAfterRestartMs;
      await eventually('answers after the recovery', async () => answers.filter((entry) => entry.at > recovered).length >= 4, 30_000, 50);
    } finally {
      running = false;
      await Promise.all(workers);
    }
    const before = answers.filter((entry) => entry.done < restartAt);
    const after = answers.filter((entry) => entry.at > restartedAt + figures.recoveryAfterRestartMs);
    figures.requestsUnderLoad = answers.length;
    const incomplete = answers.filter((entry) => !entry.answer || !complete(entry.answer));
    figures.incompleteDuringRestart = incomplete.length;
    seen.push(...new Set(incomplete.flatMap((entry) => (entry.answer?.body.errors ?? [{ extensions: { code: 'no answer' } }]).map((error) => `${error.extensions?.code}: ${error.message}`))));
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((entry) => entry.answer && complete(entry.answer))).toBe(true);
    // Once recovered, every request is whole again; none ever failed to come back.
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((entry) => !entry.answer || !complete(entry.answer)).map((entry) => entry.answer?.body.errors?.[0]?.message ?? 'no answer')).toEqual([]);
    expect(answers.every((entry) => entry.answer !== null)).toBe(true);
    expect(pids()).toEqual(startedPids);
    for (const name of SERVICES) expect(await readyStatus(name)).toBe(200);
    // Appends cut off by the restart were rolled back whole: the chain still verifies.
    const report = await verifyAuditChain(postgres.url('mash_hub'));
    expect(report).toMatchObject({ exitCode: 0 });
  }, 90_000);
});
