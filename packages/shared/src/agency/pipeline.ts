import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import {
  AmbiguityValue, identifierConflictFlag, type Associate, identityUnresolvedFlag, MatchStatusValue, type AgencyViewShape, type MatchCandidate, type MatchReasonValue,
} from '../envelope';
import type { AgencyRequestContext, MatchDecision } from '../grant-claims';
import { GrantReplayedError } from '../grants/pending-claim';
import type { Logger } from '../logger';
import { batchBlockingKeys, matchBatch } from '../matching-batch';
import { scorePair } from '../matching/score';
import type { Classification, MatchReason, MatchThresholds, PersonFacts } from '../matching/types';
import type { SubjectReference } from '../subject';
import type { AgencyAdapter, CandidateRow, RecordContext } from './adapter';
import { recordDisclosures } from './disclosure-log';
import { agencyUnavailable } from './errors';
import type { AgencyMetrics } from './metrics';
import { disclosureRules } from './obligations';
import type { ReferenceDate } from './reference-date';
import type { AgencyStore } from './store';
import { checkSubject } from './subject-check';
import { inSpan, MashAttributes } from '../telemetry/spans';

/** An adapter with what the pipeline needs to run it: its database and its settings. */
export interface AgencyKit<C extends CandidateRow, F, R extends object> {
  adapter: AgencyAdapter<C, F, R>;
  store: AgencyStore;
  thresholds: MatchThresholds;
  referenceDate: ReferenceDate;
  logger: Logger;
  /** Batch sizes, match outcomes and disclosure-log writes; none counted when absent. */
  metrics?: AgencyMetrics;
}

export type ViewLoader<R extends object = object> = DataLoader<SubjectReference, AgencyViewShape<R>, string>;

/** What a request asks of the views beyond the envelope; the resolver sets it from the selection. */
export interface ViewRequest {
  /** The request selects `associates`: load and disclose them (else they are neither read nor disclosed). */
  associates: boolean;
}

/** Per request, so every subject of one `_entities` call is answered by one batch and nothing is cached across grants. */
export function createViewLoader<C extends CandidateRow, F, R extends object>(
  kit: AgencyKit<C, F, R>,
  request: AgencyRequestContext,
  wanted: ViewRequest = { associates: false },
): ViewLoader<R> {
  return new DataLoader<SubjectReference, AgencyViewShape<R>, string>((subjects) => answerSubjects(kit, request, subjects, wanted), {
    cacheKeyFn: (subject) => subject.id,
  });
}

/**
 * The agency's answer for one batch of subjects: check each subject, ONE candidate query for the
 * batch, matching, the full records of the matched only, flags, and the disclosure log written
 * before anything is returned (nothing leaves unrecorded). Errors are per subject and carry the
 * contract's codes: BAD_USER_INPUT for a subject that cannot be searched as given,
 * AGENCY_UNAVAILABLE when the agency's database fails.
 */
export async function answerSubjects<C extends CandidateRow, F, R extends object>(
  kit: AgencyKit<C, F, R>,
  request: AgencyRequestContext,
  subjects: readonly SubjectReference[],
  wanted: ViewRequest = { associates: false },
): Promise<(AgencyViewShape<R> | GraphQLError)[]> {
  kit.metrics?.batch(subjects.length);
  const checked = subjects.map(checkSubject);
  const valid = subjects.flatMap((subject, index) => {
    const facts = checked[index];
    return facts instanceof GraphQLError ? [] : [{ index, subject, facts }];
  });
  const answers = checked as (AgencyViewShape<R> | PersonFacts | GraphQLError)[];
  if (valid.length === 0) return answers as GraphQLError[];
  try {
    const views = await answerValid(kit, request, valid.map(({ subject, facts }) => ({ subject, facts })), wanted);
    kit.metrics?.matched(views.map((view) => view.status));
    valid.forEach(({ index }, position) => (answers[index] = views[position]));
  } catch (error) {
    // A replayed grant is no failure of the agency: nothing was recorded, and the guard answers
    // the whole request with its 401 instead (settleDeferredClaim).
    if (!(error instanceof GrantReplayedError)) {
      // Ids and codes only: a database message can quote the personal data being searched for.
      const cause = error as { name?: string; code?: string };
      kit.logger.error('views_failed', { requestId: request.requestId, grantId: request.grant?.grantId ?? null, error: cause.name ?? 'unknown', sqlState: cause.code ?? null });
    }
    const unavailable = agencyUnavailable(kit.adapter.recordsNoun);
    valid.forEach(({ index }) => (answers[index] = unavailable));
  }
  return answers as (AgencyViewShape<R> | GraphQLError)[];
}

async function answerValid<C extends CandidateRow, F, R extends object>(
  kit: AgencyKit<C, F, R>,
  request: AgencyRequestContext,
  subjects: { subject: SubjectReference; facts: PersonFacts }[],
  wanted: ViewRequest,
): Promise<AgencyViewShape<R>[]> {
  const { adapter, store } = kit;
  const decisions = subjects.map(({ subject }) => request.grant?.matchDecisions?.[subject.id] ?? {});
  const confirmed = [...new Set(decisions.flatMap((decision) => (decision.confirmed ? [decision.confirmed] : [])))];
  const facts = subjects.map((s) => s.facts);
  const classifications = await inSpan('mash.match', { [MashAttributes.requestId]: request.requestId, [MashAttributes.grantId]: request.grant?.grantId ?? '', [MashAttributes.subjects]: subjects.length }, async (span) => {
    const candidates = await adapter.findCandidates(store, batchBlockingKeys(facts), confirmed);
    const classified = classifyAll(adapter, facts, candidates, decisions, kit.thresholds);
    span.setAttributes({ [MashAttributes.candidates]: candidates.length, ...matchCounts(classified) });
    return classified;
  });
  const context: RecordContext = { asOf: kit.referenceDate.today(), disclose: disclosureRules(request.grant?.obligations ?? []) };
  const matchedIds = [...new Set(classifications.filter((c) => c.status === 'MATCHED').map((c) => c.matches[0].record.id))];
  const writeDisclosures = (associates: Map<string, Associate[]>) =>
    recordDisclosures(store, request, subjects.map(({ subject }, i) => {
      const recordIds = classifications[i].matches.map((match) => match.record.id);
      const linked = classifications[i].status === 'MATCHED' ? (associates.get(recordIds[0]) ?? []).map((associate) => associate.recordId) : [];
      return { subjectId: subject.id, matchStatus: classifications[i].status, recordIds: [...recordIds, ...linked] };
    }));
  const disclosures = (associates: Map<string, Associate[]>) => (kit.metrics ? kit.metrics.disclosure(() => writeDisclosures(associates)) : writeDisclosures(associates));
  const views = (records: Map<string, F>, associates: Map<string, Associate[]>) =>
    classifications.map((classification, i) => toView(adapter, classification, subjects[i].facts, records, context, associates));
  if (wanted.associates && matchedIds.length > 0) {
    // Associates depend on the records, and the disclosure log must name them: three steps, only when asked.
    const records = await adapter.loadRecords(store, matchedIds, context);
    const associates = await adapter.loadAssociates(store, records, context);
    await disclosures(associates);
    return views(records, associates);
  }
  // The records are read while the disclosure log's append (a durable commit) is in flight, and the
  // views are built from them meanwhile; they are returned only once the append has succeeded.
  const written = disclosures(new Map());
  // Awaited below; a failed read of the records must not leave the append's failure unobserved.
  written.catch(() => undefined);
  const built = views(await adapter.loadRecords(store, matchedIds, context), new Map());
  await written;
  return built;
}

/** How a batch matched, for its span: counts only. */
function matchCounts(classifications: { status: string }[]): Record<string, number> {
  const count = (status: string) => classifications.filter((classification) => classification.status === status).length;
  return { [MashAttributes.matched]: count('MATCHED'), [MashAttributes.ambiguous]: count('AMBIGUOUS'), [MashAttributes.notKnown]: count('NOT_KNOWN') };
}

/**
 * Each subject's classification: a record a triage officer confirmed is the match (CONFIRMED);
 * records they rejected are never considered for that subject; everyone else is matched.
 */
function classifyAll<C extends CandidateRow>(
  adapter: { identities(candidate: C): PersonFacts[] },
  facts: PersonFacts[],
  candidates: C[],
  decisions: MatchDecision[],
  thresholds: MatchThresholds,
): Classification<C>[] {
  const identities = (candidate: C) => adapter.identities(candidate);
  const keys = { keys: (candidate: C) => candidate.blockingKeys };
  const batch = matchBatch(facts, candidates, identities, thresholds, keys);
  return facts.map((subject, i) => {
    const { confirmed, rejected = [] } = decisions[i];
    const record = confirmed ? candidates.find((candidate) => candidate.id === confirmed) : undefined;
    if (record) {
      const [score] = identities(record).map((identity) => scorePair(subject, identity)).sort((a, b) => b.weight - a.weight);
      const matchedOn: MatchReason[] = ['CONFIRMED', ...score.matchedOn.filter((reason) => reason !== 'IDENTIFIER_CONFLICT')];
      return { status: 'MATCHED', matches: [{ record, score: { ...score, confidence: 1, matchedOn, matchable: true } }] };
    }
    if (rejected.length === 0) return batch[i];
    return matchBatch([subject], candidates.filter((candidate) => !rejected.includes(candidate.id)), identities, thresholds, keys)[0];
  });
}

function toView<C extends CandidateRow, F, R extends object>(
  adapter: AgencyAdapter<C, F, R>,
  classification: Classification<C>,
  subject: PersonFacts,
  records: Map<string, F>,
  context: RecordContext,
  associates: Map<string, Associate[]>,
): AgencyViewShape<R> {
  const candidateOf = (record: C, matched = false): MatchCandidate => {
    const [identity] = adapter.identities(record);
    return {
      recordId: record.id,
      givenName: identity?.givenName ?? null,
      familyName: identity?.familyName ?? null,
      dateOfBirth: identity?.dateOfBirth ?? null,
      // Where the person lives is disclosed for the match only, never for a candidate.
      postcode: matched ? (identity?.postcode ?? null) : null,
    };
  };
  if (classification.status === 'AMBIGUOUS') {
    const conflict = classification.reason === 'IDENTIFIER_CONFLICT';
    return {
      status: MatchStatusValue.AMBIGUOUS,
      ambiguity: conflict ? AmbiguityValue.IDENTIFIER_CONFLICT : classification.matches.length > 1 ? AmbiguityValue.SEVERAL_CANDIDATES : AmbiguityValue.BELOW_MATCH_THRESHOLD,
      matches: classification.matches.map(({ record, score }) => ({
        confidence: score.confidence,
        matchedOn: score.matchedOn as MatchReasonValue[],
        candidate: candidateOf(record),
        record: adapter.identityRecord(record),
      })),
      flags: [identityUnresolvedFlag(adapter.recordsNoun, classification.matches.length), ...(conflict ? [identifierConflictFlag(adapter.recordsNoun)] : [])],
      associates: null,
    };
  }
  const notKnown = (): AgencyViewShape<R> => ({
    status: MatchStatusValue.NOT_KNOWN,
    ambiguity: null,
    matches: [],
    flags: adapter.flags({ status: 'NOT_KNOWN', subject, record: null, disclosed: null, context }),
    associates: null,
  });
  if (classification.status === 'NOT_KNOWN') return notKnown();
  const [{ record: candidate, score }] = classification.matches;
  const record = records.get(candidate.id);
  // Loaded in the same fetch; a record deleted in between is gone, not a crash.
  if (record === undefined) return notKnown();
  const disclosed = adapter.toRecord(record, context);
  return {
    status: MatchStatusValue.MATCHED,
    ambiguity: null,
    matches: [{ confidence: score.confidence, matchedOn: score.matchedOn as MatchReasonValue[], candidate: candidateOf(candidate, true), record: disclosed }],
    flags: adapter.flags({ status: 'MATCHED', subject, record, disclosed, context }),
    associates: associates.get(candidate.id) ?? [],
  };
}
