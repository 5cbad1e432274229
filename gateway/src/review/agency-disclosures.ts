import { AGENCIES, disclosureQueryName, type AgencyName } from '@mash/shared';
import type { AuthenticatedUser } from '../auth/user';
import type { GatewayContext } from '../context';
import { SUBJECT_ACCESS_REVIEW } from './purpose';

/** One entry of an agency's disclosure log, as its `<agency>Disclosures` query gives it. */
export interface DisclosureRow {
  id: string;
  disclosedAt: string;
  grantId: string | null;
  caseId: string | null;
  userId: string | null;
  purpose: string | null;
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
  obligations: string[];
}

/** What one agency's disclosure log said for the cases asked about. */
export interface AgencyLogRead {
  agency: AgencyName;
  /** False when the agency did not answer (down, slow, refused): `problem` says why. */
  available: boolean;
  problem: string | null;
  /** Cases whose log was longer than one read returns, so older disclosures were not seen. */
  truncatedCases: Set<string>;
  rows: DisclosureRow[];
}

/** Most entries an agency's disclosure query returns per case (its own cap). */
export const DISCLOSURES_PER_CASE = 500;
/**
 * Cases per federated read, kept under the gateway's alias limit (default 15) and cost limit
 * (default 5000; each read costs an agency fetch plus a tenth of its rows: 150).
 */
const CASES_PER_READ = 10;
const SELECTION = 'id disclosedAt grantId caseId userId purpose subjectId matchStatus recordIds obligations';

/**
 * Each agency's disclosure log for these cases, read through the gateway's own executor as the
 * reviewing user under SUBJECT_ACCESS_REVIEW: the agency data source and enforcement point decide,
 * grant (a DISCLOSURE_LOG_REVIEW grant, as for an agency administrator) and audit each read, so
 * there is no second way to an agency. One operation per agency, so one that fails (its field is
 * non-null, so its failure empties the whole answer it is in) is reported without the others.
 */
export function readDisclosureLogs(context: GatewayContext, user: AuthenticatedUser, caseIds: readonly string[]): Promise<AgencyLogRead[]> {
  return Promise.all(AGENCIES.map((agency) => readAgency(context, user, agency, caseIds)));
}

async function readAgency(context: GatewayContext, user: AuthenticatedUser, agency: AgencyName, caseIds: readonly string[]): Promise<AgencyLogRead> {
  const read: AgencyLogRead = { agency, available: true, problem: null, truncatedCases: new Set(), rows: [] };
  const execute = context.execute;
  if (!execute) return { ...read, available: false, problem: 'the gateway could not ask agencies from here (no executor)' };
  for (let start = 0; start < caseIds.length; start += CASES_PER_READ) {
    const chunk = caseIds.slice(start, start + CASES_PER_READ);
    const fields = chunk.map((_, c) => `c${c}: ${disclosureQueryName(agency)}(caseId: $c${c}, limit: ${DISCLOSURES_PER_CASE}) { ${SELECTION} }`);
    const query = `query SubjectAccessReview(${chunk.map((_, c) => `$c${c}: String`).join(', ')}) { ${fields.join(' ')} }`;
    const variables = Object.fromEntries(chunk.map((caseId, c) => [`c${c}`, caseId]));
    try {
      const result = await execute({ query, variables }, { user, requestId: context.requestId, purpose: SUBJECT_ACCESS_REVIEW });
      for (const [c, caseId] of chunk.entries()) {
        const rows = result.data?.[`c${c}`] as DisclosureRow[] | null | undefined;
        if (!Array.isArray(rows)) {
          const error = result.errors?.find((item) => item.path?.[0] === `c${c}`) ?? result.errors?.[0];
          return { ...read, rows: [], available: false, problem: `${String(error?.extensions?.code ?? 'AGENCY_UNAVAILABLE')}: ${error?.message ?? 'no answer'}` };
        }
        read.rows.push(...rows);
        if (rows.length >= DISCLOSURES_PER_CASE) read.truncatedCases.add(caseId);
      }
    } catch (error) {
      return { ...read, rows: [], available: false, problem: `the read failed (${(error as Error).name})` };
    }
  }
  return read;
}
