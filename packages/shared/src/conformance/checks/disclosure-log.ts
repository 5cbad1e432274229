import { disclosureQueryName } from '../../disclosure.resolver';
import { disclosuresRequest } from '../queries';
import type { CheckResult } from '../types';
import { answered, describeErrors, fail, runCheck, type AnsweredCase, type CheckContext } from './context';
import { ENVELOPE } from './envelope';

interface DisclosureRow {
  grantId: string | null;
  caseId: string | null;
  userId: string | null;
  purpose: string | null;
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
  obligations: string[];
}

/**
 * Check 5: the agency's own disclosure log, read as its IT team would (a DISCLOSURE_LOG_REVIEW
 * grant), holds exactly one row per subject answered under each of the suite's grants, naming
 * that grant, user, answer and obligations; and none for a subject refused as given.
 */
export async function disclosureLogChecks(context: CheckContext): Promise<CheckResult[]> {
  const query = disclosureQueryName(context.agency);
  const rowsOf = async (caseId: string): Promise<DisclosureRow[]> => {
    const body = answered(await context.client.post(disclosuresRequest(context.agency, caseId), (await context.grants.review()).token));
    if (body.errors?.length) fail(`${query}: ${describeErrors(body.errors)}`);
    if (!Array.isArray(body.data?.[query])) fail(`${query} returned ${JSON.stringify(body.data)}`);
    return body.data[query];
  };
  if (context.answered.length === 0) {
    return [await runCheck('disclosure-log', `${query} rows`, async () => fail('no grant was answered by the earlier checks, so there is nothing to find'))];
  }
  const results: CheckResult[] = [];
  for (const answeredCase of context.answered) {
    results.push(await runCheck('disclosure-log', `one row per subject answered under the ${answeredCase.label} grant`, async () => expectRows(answeredCase, await rowsOf(answeredCase.grant.caseId))));
  }
  const envelope = context.answered.find((candidate) => candidate.label === 'envelope');
  if (envelope) {
    results.push(await runCheck('disclosure-log', 'the AMBIGUOUS row names the C03 and C04 records', async () => {
      const rows = await rowsOf(envelope.grant.caseId);
      const recordsOf = (label: string) => {
        const subject = envelope.subjects.find((candidate) => candidate.label === label)!;
        return rows.find((row) => row.subjectId === subject.subjectId)?.recordIds ?? [];
      };
      const known = [...recordsOf(ENVELOPE.c03Known), ...recordsOf(ENVELOPE.c04Known)];
      if (known.length !== 2) fail(`C03 and C04 sent with identifiers were logged with ${known.length} record ids, not one each`);
      const ambiguous = recordsOf(ENVELOPE.c03);
      if (!sameSet(ambiguous, known)) fail(`the AMBIGUOUS row names [${ambiguous.join(', ')}], C03 and C04 are [${known.join(', ')}]`);
      return `record ids ${known.join(', ')}`;
    }));
  }
  return results;
}

function expectRows(answeredCase: AnsweredCase, rows: DisclosureRow[]): string {
  const { grant } = answeredCase;
  const problems: string[] = [];
  for (const subject of answeredCase.subjects) {
    const mine = rows.filter((row) => row.subjectId === subject.subjectId);
    if (subject.status === null) {
      if (mine.length > 0) problems.push(`${subject.label} was refused but has ${mine.length} row(s)`);
      continue;
    }
    if (mine.length !== 1) {
      problems.push(`${subject.label} has ${mine.length} rows, not 1`);
      continue;
    }
    const [row] = mine;
    const wrong = [
      row.grantId !== grant.grantId && `grantId ${row.grantId}`,
      row.caseId !== grant.caseId && `caseId ${row.caseId}`,
      row.userId !== grant.userId && `userId ${row.userId}`,
      row.purpose !== grant.purpose && `purpose ${row.purpose}`,
      row.matchStatus !== subject.status && `matchStatus ${row.matchStatus} (answered ${subject.status})`,
      !sameSet(row.obligations, grant.obligations) && `obligations [${row.obligations.join(', ')}] (grant [${grant.obligations.join(', ')}])`,
    ].filter(Boolean);
    if (wrong.length > 0) problems.push(`${subject.label}: ${wrong.join(', ')}`);
  }
  const expected = new Set(answeredCase.subjects.map((subject) => subject.subjectId));
  const strays = rows.filter((row) => !expected.has(row.subjectId));
  if (strays.length > 0) problems.push(`${strays.length} row(s) for subjects never sent under this case`);
  if (problems.length > 0) fail(problems.join('; '));
  const logged = answeredCase.subjects.filter((subject) => subject.status !== null).length;
  const refused = answeredCase.subjects.length - logged;
  return `${logged} row(s) with grant ${grant.grantId.slice(0, 8)}, user, status and obligations [${grant.obligations.join(', ')}]${refused ? `; none for the ${refused} refused` : ''}`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((item, i) => item === [...b].sort()[i]);
}
