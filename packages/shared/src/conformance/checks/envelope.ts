import { MATCH_REASONS } from '../../matching/types';
import { entitiesRequest } from '../queries';
import { demographicsOnly, inventedPerson, nameAndBirth, person, withIdentifiers, type Representation } from '../subjects';
import type { CheckResult } from '../types';
import { answered, describeErrors, fail, runCheck, type CheckContext } from './context';

const STATUSES = ['MATCHED', 'AMBIGUOUS', 'NOT_KNOWN'];
const SEVERITIES = ['RED', 'AMBER', 'GREEN'];
const IDENTIFIER_REASONS = ['NHS_NUMBER', 'UPN', 'PNC_ID'];
/** The confidence a MATCHED answer must reach at the default match threshold. */
export const MATCH_CONFIDENCE = 0.95;

/** Labels of the subjects the envelope batch sends; the disclosure-log check finds them by label. */
export const ENVELOPE = {
  c01: 'C01 with identifiers',
  c02: 'C02 by demographics',
  c03: 'C03 by name and date of birth',
  invented: 'an invented person',
  c03Known: 'C03 with identifiers',
  c04Known: 'C04 with identifiers',
} as const;

/**
 * Check 2: the uniform envelope, for the fixed conformance people, in one batch under one grant
 * covering exactly the subjects sent (as the gateway fetches a case). C03 and C04 are also sent
 * with identifiers so the disclosure log can show which records the AMBIGUOUS answer named.
 */
export async function envelopeChecks(context: CheckContext): Promise<CheckResult[]> {
  const sent: [string, Representation][] = [
    [ENVELOPE.c01, withIdentifiers(person('C01'))],
    [ENVELOPE.c02, demographicsOnly(person('C02'))],
    [ENVELOPE.c03, nameAndBirth(person('C03'))],
    [ENVELOPE.invented, inventedPerson()],
    [ENVELOPE.c03Known, withIdentifiers(person('C03'))],
    [ENVELOPE.c04Known, withIdentifiers(person('C04'))],
  ];
  const grant = await context.grants.triage(sent.map(([, subject]) => subject));
  let views: any[] | undefined;
  const results = [
    await runCheck('envelope', 'one batch under one grant, every view well formed', async () => {
      const body = answered(await context.client.post(entitiesRequest(context.agency, sent.map(([, s]) => s), context.adapter.conformance.domesticAbuse?.selection), grant.token));
      if (body.errors?.length) fail(`errors: ${describeErrors(body.errors)}`);
      const entities = body.data?._entities;
      if (!Array.isArray(entities) || entities.length !== sent.length) fail(`_entities held ${JSON.stringify(entities)?.slice(0, 80)}, not ${sent.length} entries`);
      views = entities.map((entity) => entity?.[context.field]);
      context.answered.push({ label: 'envelope', grant: grant.claims, subjects: sent.map(([label, subject], i) => ({ label, subjectId: subject.id, status: views![i]?.status ?? null })) });
      const problems = views.flatMap((view, i) => envelopeProblems(view).map((problem) => `${sent[i][0]}: ${problem}`));
      if (problems.length > 0) fail(problems.join('; '));
      return `HTTP 200, ${views.length} views with status, confidence, matchedOn and flags in the contract's values`;
    }),
  ];
  const view = (label: string) => {
    if (!views) fail('no answer to look at (see the first envelope check)');
    return views[sent.findIndex(([name]) => name === label)];
  };
  results.push(
    await runCheck('envelope', `${ENVELOPE.c01} -> MATCHED`, async () => {
      const match = matched(view(ENVELOPE.c01));
      if (!match.matchedOn.some((reason: string) => IDENTIFIER_REASONS.includes(reason))) fail(`matchedOn ${match.matchedOn.join(', ')} names no identifier`);
      return `MATCHED, confidence ${match.confidence.toFixed(3)} on ${match.matchedOn.join(', ')}`;
    }),
    await runCheck('envelope', `${ENVELOPE.c02} -> MATCHED`, async () => {
      const match = matched(view(ENVELOPE.c02));
      return `MATCHED, confidence ${match.confidence.toFixed(3)} on ${match.matchedOn.join(', ')}`;
    }),
    await runCheck('envelope', `${ENVELOPE.c03} -> AMBIGUOUS`, async () => {
      const answer = view(ENVELOPE.c03);
      if (answer?.status !== 'AMBIGUOUS') fail(`status ${answer?.status ?? 'null'}, expected AMBIGUOUS`);
      if (answer.matches.length !== 2) fail(`${answer.matches.length} matches, expected 2 (the C03 and C04 records)`);
      const codes = answer.flags.map((flag: { code: string }) => flag.code);
      if (codes.length !== 1 || codes[0] !== 'IDENTITY_UNRESOLVED') fail(`flags [${codes.join(', ')}], expected exactly [IDENTITY_UNRESOLVED]`);
      return `AMBIGUOUS, 2 matches (confidence ${answer.matches.map((m: { confidence: number }) => m.confidence.toFixed(3)).join(', ')}), flags [IDENTITY_UNRESOLVED]`;
    }),
    await runCheck('envelope', `${ENVELOPE.invented} -> NOT_KNOWN`, async () => {
      const answer = view(ENVELOPE.invented);
      if (answer?.status !== 'NOT_KNOWN') fail(`status ${answer?.status ?? 'null'}, expected NOT_KNOWN`);
      if (answer.matches.length !== 0) fail(`${answer.matches.length} matches, expected none`);
      return `NOT_KNOWN, no matches, ${answer.flags.length} flag(s)`;
    }),
  );
  return results;
}

/** The one match of a MATCHED view at or above the match confidence, or a failure. */
export function matched(view: any): { confidence: number; matchedOn: string[]; record: Record<string, unknown> } {
  if (view?.status !== 'MATCHED') fail(`status ${view?.status ?? 'null'}, expected MATCHED`);
  if (view.matches.length !== 1) fail(`${view.matches.length} matches, expected exactly 1`);
  const [match] = view.matches;
  if (!(match.confidence >= MATCH_CONFIDENCE)) fail(`confidence ${match.confidence}, expected at least ${MATCH_CONFIDENCE}`);
  return match;
}

/** What is wrong with one view's envelope (nothing: an empty list). */
export function envelopeProblems(view: any): string[] {
  if (view === null || typeof view !== 'object') return [`no view (${JSON.stringify(view)})`];
  const problems: string[] = [];
  if (!STATUSES.includes(view.status)) problems.push(`status ${JSON.stringify(view.status)} is not one of ${STATUSES.join('/')}`);
  if (!Array.isArray(view.matches)) problems.push('matches is not a list');
  for (const match of Array.isArray(view.matches) ? view.matches : []) {
    if (typeof match?.confidence !== 'number' || !(match.confidence >= 0 && match.confidence <= 1)) problems.push(`confidence ${JSON.stringify(match?.confidence)} is not in [0, 1]`);
    if (!Array.isArray(match?.matchedOn) || !match.matchedOn.every((reason: unknown) => (MATCH_REASONS as readonly unknown[]).includes(reason))) {
      problems.push(`matchedOn ${JSON.stringify(match?.matchedOn)} is not a list of MatchReason values`);
    }
    if (typeof match?.record?.__typename !== 'string') problems.push('a match has no record');
  }
  if (!Array.isArray(view.flags)) problems.push('flags is not a list');
  for (const flag of Array.isArray(view.flags) ? view.flags : []) {
    if (typeof flag?.code !== 'string' || flag.code === '') problems.push(`a flag has no code: ${JSON.stringify(flag)}`);
    if (!SEVERITIES.includes(flag?.severity)) problems.push(`flag ${flag?.code} has severity ${JSON.stringify(flag?.severity)}, not RED/AMBER/GREEN`);
    if (typeof flag?.summary !== 'string' || flag.summary.trim() === '') problems.push(`flag ${flag?.code} has an empty summary`);
  }
  return problems;
}
