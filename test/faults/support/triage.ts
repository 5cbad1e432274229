import path from 'node:path';
import { AGENCIES, type AgencyName } from '@mash/shared';
import { issueDemoToken } from '@mash/gateway/dist/auth/demo-issuer';
import type { Stack } from './stack';

/** The field each agency contributes on Subject. */
export const AGENCY_FIELDS: Record<AgencyName, string> = { police: 'police', 'social-care': 'socialCare', health: 'health', education: 'education' };

/** The triage view of one case: the hub's record and every agency's answer for each subject. */
export const TRIAGE_QUERY = `query Triage($id: ID!) {
  case(id: $id) {
    id reference rag
    subjects {
      id
      ${AGENCIES.map((agency) => `${AGENCY_FIELDS[agency]} { status matches { confidence } }`).join('\n      ')}
    }
  }
}`;

export interface Answer {
  status: number;
  body: { data?: any; errors?: any[] };
  /** The gateway's id for this request (the `x-request-id` response header), as the access log records it. */
  requestId: string | null;
  ms: number;
}

export interface TriageClient {
  token: string;
  query(query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<Answer>;
  /** The open RED demo case (its subjects are known to all four agencies). */
  redCaseId(): Promise<string>;
  triage(caseId: string, timeoutMs?: number): Promise<Answer>;
}

/** A triage officer's client of the stack's gateway (a demo token from the gateway's own demo key). */
export async function triageClient(stack: Stack, sub = 'faults-triage-1'): Promise<TriageClient> {
  const keyFile = path.join(stack.dataDir, 'keys', 'demo-user-issuer.jwk.json');
  const token = await issueDemoToken(keyFile, { role: 'mash-triage', sub });
  const client: TriageClient = {
    token,
    async query(query, variables = {}, timeoutMs = 20_000) {
      const started = Date.now();
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: Answer['body'];
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: text.slice(0, 200), extensions: { code: 'NOT_JSON' } }] };
      }
      return { status: response.status, body, requestId: response.headers.get('x-request-id'), ms: Date.now() - started };
    },
    async redCaseId() {
      const answer = await client.query('{ cases(rag: [RED]) { id rag status } }');
      const found = answer.body.data?.cases?.find((item: any) => item.rag === 'RED' && item.status === 'OPEN');
      if (!found) throw new Error(`no open RED demo case: ${JSON.stringify(answer.body).slice(0, 300)}`);
      return found.id;
    },
    triage: (caseId, timeoutMs) => client.query(TRIAGE_QUERY, { id: caseId }, timeoutMs),
  };
  return client;
}

/** Per agency: did every subject get that agency's answer (a view), none, or some? */
export function agencyOutcome(answer: Answer, agency: AgencyName): 'answered' | 'null' | 'mixed' | 'no-case' {
  const subjects: any[] | undefined = answer.body.data?.case?.subjects;
  if (!subjects?.length) return 'no-case';
  const views = subjects.map((subject) => subject[AGENCY_FIELDS[agency]]);
  if (views.every((view) => view && view.status === 'MATCHED')) return 'answered';
  if (views.every((view) => view === null)) return 'null';
  return 'mixed';
}

/**
 * The error codes about one agency's field, one per subject: on the field's path, or (as the
 * gateway reports a fetch that failed) on the subject's path naming the agency.
 */
export function agencyErrorCodes(answer: Answer, agency: AgencyName): string[] {
  return (answer.body.errors ?? [])
    .filter((error) => error.path?.[0] === 'case' && (error.path?.[3] === AGENCY_FIELDS[agency] || (error.path?.length === 3 && error.extensions?.agency === agency)))
    .map((error) => String(error.extensions?.code));
}

/** True when the response carries any agency's data for any subject. */
export function hasAgencyData(answer: Answer, agency?: AgencyName): boolean {
  const subjects: any[] = answer.body.data?.case?.subjects ?? [];
  const agencies = agency ? [agency] : AGENCIES;
  return subjects.some((subject) => agencies.some((name) => subject?.[AGENCY_FIELDS[name]] != null));
}

/** Every agency answered for every subject, and nothing went wrong. */
export function complete(answer: Answer): boolean {
  return answer.status === 200 && !answer.body.errors?.length && AGENCIES.every((agency) => agencyOutcome(answer, agency) === 'answered');
}

/** Polls `attempt` until it is true or the deadline passes; returns the time it took, or throws naming what was awaited. */
export async function eventually(what: string, attempt: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      if (await attempt()) return Date.now() - started;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ''}`);
}
