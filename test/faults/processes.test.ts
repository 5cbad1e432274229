import path from 'node:path';
import { Client } from 'pg';
import { AGENCIES, openDatabase, type AgencyName } from '@mash/shared';
import { verifyAuditChain, type ChainVerdict } from './support/audit';
import { defaultBacking, type Backing } from './support/backing';
import { startStack, type Stack } from './support/stack';
import { AGENCY_FIELDS, agencyErrorCodes, agencyOutcome, complete, eventually, hasAgencyData, triageClient, type Answer, type TriageClient } from './support/triage';

/**
 * The services' processes failing, on one stack of the five services as `npm start` runs them
 * (started once: each start is five Node processes migrating and seeding).
 *
 * An agency that is down (its process killed) or hanging (its process stopped with SIGSTOP: the
 * kernel still accepts the gateway's connections, nothing ever answers) costs the triage officer
 * at most the agency timeout: the view arrives within AGENCY_TIMEOUT_MS + 1 s with that agency's
 * field null and AGENCY_UNAVAILABLE for every subject, and the other three agencies' answers
 * intact. When the agency is back, its answers are back, with no restart of anything else.
 *
 * Then the gateway killed with SIGKILL in the middle of a stream of triage queries: no clean
 * shutdown, appends to the access log cut off wherever they were. Afterwards the access-log chain
 * verifies (`npm run audit:verify`), and every response the client received with an agency's data
 * has that agency's AGENCY_FETCH entry in the log, matched by the request id the gateway answered
 * in `x-request-id`: nothing left the hub unrecorded. The gateway then starts again on the same
 * log. (Last: it ends with the gateway stopped.)
 */
const AGENCY_TIMEOUT_MS = 2000;
const WORKERS = 6;
const figures: Record<string, number> = {};
const killFigures: Record<string, number> = {};

describe('faults: processes killed and hung', () => {
  let backing: Backing;
  let stack: Stack;
  let client: TriageClient;
  let caseId: string;

  beforeAll(async () => {
    backing = await defaultBacking();
    const started = Date.now();
    stack = await startStack({ agencyTimeoutMs: AGENCY_TIMEOUT_MS, databaseUrls: backing.databaseUrls, startupMs: backing.startupMs });
    figures.startMs = Date.now() - started;
    client = await triageClient(stack);
    caseId = await client.redCaseId();
    // The baseline: all four agencies answer for every subject. The first requests of a cold
    // process on a busy machine may take longer than the timeout; they warm every path and connection.
    figures.warmUpMs = await eventually('all four agencies answering', async () => complete(await client.triage(caseId)), 60_000);
  }, 400_000);

  afterAll(async () => {
    await stack?.stop();
    await backing?.drop();
    console.log(`agency-down faults (${backing?.mode}): ${JSON.stringify(figures)}\ngateway SIGKILL fault (${backing?.mode}): ${JSON.stringify(killFigures)}`);
  }, 30_000);

  describe('an agency down or hanging', () => {
    /** The view arrived in time, `down` null and AGENCY_UNAVAILABLE for every subject, the others whole. */
    function expectOnlyUnavailable(answer: Answer, down: AgencyName): void {
      const subjects = answer.body.data?.case?.subjects ?? [];
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(AGENCY_TIMEOUT_MS + 1000);
      expect(subjects.length).toBeGreaterThan(0);
      expect(agencyOutcome(answer, down)).toBe('null');
      expect(agencyErrorCodes(answer, down)).toEqual(subjects.map(() => 'AGENCY_UNAVAILABLE'));
      for (const agency of AGENCIES.filter((name) => name !== down)) {
        expect({ agency, outcome: agencyOutcome(answer, agency), errors: agencyErrorCodes(answer, agency) }).toEqual({ agency, outcome: 'answered', errors: [] });
      }
      // Nothing else went wrong: every error is the unavailable agency's.
      expect(answer.body.errors).toHaveLength(subjects.length);
    }

    it('an agency killed: the view arrives at once with police AGENCY_UNAVAILABLE and the others intact; answers resume when it is restarted', async () => {
      const police = stack.services.police;
      await police.kill();
      const down = await client.triage(caseId);
      expectOnlyUnavailable(down, 'police');
      figures.killedViewMs = down.ms;

      const restarted = Date.now();
      await police.start();
      figures.policeRestartMs = Date.now() - restarted;
      figures.killedResumeAfterHealthyMs = await eventually('police answering again', async () => complete(await client.triage(caseId)), 30_000);
    }, 120_000);

    it('an agency hanging: the view arrives within the agency timeout + 1 s with health AGENCY_UNAVAILABLE and the others intact; answers resume when it wakes', async () => {
      const health = stack.services.health;
      health.signal('SIGSTOP');
      try {
        const first = await client.triage(caseId);
        expectOnlyUnavailable(first, 'health');
        // It waited for the timeout (the gateway did not give up early) but not much longer.
        expect(first.ms).toBeGreaterThanOrEqual(AGENCY_TIMEOUT_MS);
        // Not a one-off: every request while it hangs is bounded the same way, a few at once too.
        const more = await Promise.all([client.triage(caseId), client.triage(caseId), client.triage(caseId)]);
        for (const answer of more) expectOnlyUnavailable(answer, 'health');
        figures.hangingViewMs = Math.max(first.ms, ...more.map((answer) => answer.ms));
      } finally {
        health.signal('SIGCONT');
      }
      figures.hangingResumeMs = await eventually('health answering again', async () => complete(await client.triage(caseId)), 30_000);
      // The same process: it was never restarted.
      expect(health.running).toBe(true);
    }, 60_000);
  });

  describe('the gateway killed during load', () => {
    /** The hub's access log, read directly: the server database, or the embedded one once the gateway is down. */
    async function agencyFetchEntries(requestIds: string[]): Promise<{ request_id: string; agency: AgencyName; decision: string; grant_id: string | null }[]> {
      const sql = `SELECT request_id, agency, decision, grant_id FROM audit_log WHERE kind = 'AGENCY_FETCH' AND request_id = ANY($1)`;
      if (backing.databaseUrls.gateway) {
        const pg = new Client({ connectionString: backing.databaseUrls.gateway });
        await pg.connect();
        try {
          return (await pg.query(sql, [requestIds])).rows;
        } finally {
          await pg.end();
        }
      }
      const hub = await openDatabase({ service: 'faults-hub-check', embeddedPath: path.join(stack.dataDir, 'hub'), entities: [], migrations: [] });
      try {
        return await hub.dataSource.query(sql, [requestIds]);
      } finally {
        await hub.close();
      }
    }

    const verify = (): Promise<ChainVerdict> => verifyAuditChain(backing.databaseUrls.gateway ? { url: backing.databaseUrls.gateway } : { dataDir: stack.dataDir });

    it('SIGKILL under load: the chain verifies and every response with agency data has its access-log entry by request id; the gateway starts again on the same log', async () => {
      const gateway = stack.services.gateway;
      // The agencies of the tests before are back: every one answers before the load starts.
      await eventually('all four agencies answering', async () => complete(await client.triage(caseId)), 30_000);
      const received: Answer[] = [];
      let failedBeforeKill = 0;
      let inFlight = 0;
      let killing = false;
      const worker = async () => {
        while (!killing) {
          inFlight += 1;
          try {
            received.push(await client.triage(caseId, 10_000));
          } catch {
            // The gateway died under this request: the client got nothing.
            if (!killing) failedBeforeKill += 1;
          } finally {
            inFlight -= 1;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, worker);
      // Kill it mid-stream, once a fair number of answers has gone out.
      await eventually('answers flowing', async () => received.length >= 20, 30_000, 50);
      killing = true;
      killFigures.inFlightAtKill = inFlight;
      await gateway.kill();
      await Promise.all(workers);
      killFigures.answersBeforeKill = received.length;
      expect(failedBeforeKill).toBe(0);
      // It died with requests under way, not between them.
      expect(killFigures.inFlightAtKill).toBeGreaterThan(0);

      const withData = received.filter((answer) => hasAgencyData(answer));
      expect(withData.length).toBeGreaterThanOrEqual(20);
      // The client can tell which request each answer was: the gateway's id, as the log records it.
      expect(withData.every((answer) => typeof answer.requestId === 'string' && answer.requestId.length > 0)).toBe(true);
      expect(new Set(withData.map((answer) => answer.requestId)).size).toBe(withData.length);

      // Nothing half-written: the chain as the kill left it verifies, offline, as an operator would check it.
      const afterKill = await verify();
      expect(afterKill).toMatchObject({ exitCode: 0, output: expect.stringContaining('audit chain intact') });

      // Every agency's data a client received was decided, allowed and logged (with its grant) under that request's id.
      const entries = await agencyFetchEntries(withData.map((answer) => answer.requestId!));
      const logged = new Set(entries.filter((entry) => entry.decision === 'ALLOWED' && entry.grant_id).map((entry) => `${entry.request_id}/${entry.agency}`));
      const unlogged: string[] = [];
      for (const answer of withData) {
        for (const agency of AGENCIES) {
          const got = (answer.body.data.case.subjects as any[]).some((subject) => subject[AGENCY_FIELDS[agency]] != null);
          if (got && !logged.has(`${answer.requestId}/${agency}`)) unlogged.push(`${answer.requestId}/${agency}`);
        }
      }
      expect(unlogged).toEqual([]);
      killFigures.entriesMatched = logged.size;

      // The gateway starts again on the log the kill left and goes on appending to the same chain.
      const restarted = Date.now();
      await gateway.start();
      killFigures.gatewayRestartMs = Date.now() - restarted;
      // A cold process on a busy machine may miss the agency timeout on its first requests.
      let again: Answer | undefined;
      await eventually('the restarted gateway serving', async () => {
        const answer = await client.triage(caseId);
        if (complete(answer)) again = answer;
        return again !== undefined;
      }, 30_000);
      // Stopped cleanly before reading: an embedded hub database is the gateway's alone while it runs.
      gateway.signal('SIGTERM');
      await eventually('the gateway stopping', async () => !gateway.running, 15_000, 50);
      expect((await agencyFetchEntries([again!.requestId!])).map((entry) => entry.agency).sort()).toEqual([...AGENCIES].sort());
      const afterRestart = await verify();
      expect(afterRestart).toMatchObject({ exitCode: 0, output: expect.stringContaining('audit chain intact') });
    }, 120_000);
  });
});
