import { AGENCIES, type AgencyName } from '@mash/shared';
import { defaultBacking, type Backing } from './support/backing';
import { startStack, type Stack } from './support/stack';
import { agencyErrorCodes, agencyOutcome, complete, eventually, triageClient, type Answer, type TriageClient } from './support/triage';

/**
 * An agency that is down (its process killed) or hanging (its process stopped with SIGSTOP: the
 * kernel still accepts the gateway's connections, nothing ever answers) costs the triage officer
 * at most the agency timeout: the view arrives within AGENCY_TIMEOUT_MS + 1 s with that agency's
 * field null and AGENCY_UNAVAILABLE for every subject, and the other three agencies' answers
 * intact. When the agency is back, its answers are back, with no restart of anything else.
 * Real processes, as `npm start` runs them.
 */
const AGENCY_TIMEOUT_MS = 2000;
const figures: Record<string, number> = {};

describe('faults: an agency down or hanging', () => {
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
    console.log(`agency-down faults (${backing?.mode}): ${JSON.stringify(figures)}`);
  }, 30_000);

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
