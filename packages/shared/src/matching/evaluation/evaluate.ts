import { GraphQLError } from 'graphql';
import { checkSubject } from '../../agency/subject-check';
import { batchBlockingKeys, matchBatch } from '../../matching-batch';
import type { SubjectReference } from '../../subject';
import { AGENCIES } from '../../synthetic/types';
import type { AgencyName } from '../../synthetic/types';
import { recordBlockingKeys, subjectBlockingKeys } from '../blocking';
import { DEFAULT_THRESHOLDS } from '../model';
import type { Classification, MatchThresholds, PersonFacts } from '../types';
import type { AgencyRecord } from './agencies';
import type { EvaluationCase, EvaluationSet } from './generate';
import type { CaseOutcome } from './metrics';

export interface EvaluateOptions {
  /** Default all four. */
  agencies?: readonly AgencyName[];
  /** Default the matcher's own `DEFAULT_THRESHOLDS`. */
  thresholds?: MatchThresholds;
  /** Subjects answered by one candidate query, as one `_entities` call batches them; default 25. */
  batchSize?: number;
}

export interface AgencyEvaluation {
  agency: AgencyName;
  records: number;
  matcher: CaseOutcome[];
  baseline: CaseOutcome[];
}

export interface MatchingEvaluation {
  thresholds: MatchThresholds;
  batchSize: number;
  agencies: AgencyEvaluation[];
}

/** A case's subject after the agencies' own input check: rejected (null) or normalised. */
interface Checked {
  item: EvaluationCase;
  rejectedAsSent: boolean;
  facts: PersonFacts | null;
}

function check(item: EvaluationCase, facts: PersonFacts): PersonFacts | null {
  const reference = { ...facts, id: item.id, familyName: facts.familyName ?? '' } as unknown as SubjectReference;
  const result = checkSubject(reference);
  return result instanceof GraphQLError ? null : result;
}

/**
 * Runs the real matching code for each agency the way an agency answers a batch: the input check,
 * one candidate query (records sharing any of the batch's blocking keys, what the GIN query
 * `blocking_keys && $1` returns, here an in-memory index), then `matchBatch` with the stored keys.
 */
export function evaluateMatching(set: EvaluationSet, options: EvaluateOptions = {}): MatchingEvaluation {
  const { agencies = AGENCIES, thresholds = DEFAULT_THRESHOLDS, batchSize = 25 } = options;
  const checked: Checked[] = set.cases.map((item) => {
    const asSent = check(item, item.subject);
    return { item, rejectedAsSent: asSent === null, facts: item.corrected ? check(item, item.corrected) : asSent };
  });
  return {
    thresholds,
    batchSize,
    agencies: agencies.map((agency) => ({
      agency,
      records: set.records[agency].length,
      matcher: runMatcher(agency, set.records[agency], checked, thresholds, batchSize),
      baseline: runBaseline(agency, set.records[agency], checked),
    })),
  };
}

function indexRecords(records: readonly AgencyRecord[]) {
  const keysOf = new Map<AgencyRecord, string[]>();
  const byKey = new Map<string, AgencyRecord[]>();
  for (const record of records) {
    const keys = recordBlockingKeys(record.identities);
    keysOf.set(record, keys);
    for (const key of keys) {
      const holders = byKey.get(key);
      if (holders) holders.push(record);
      else byKey.set(key, [record]);
    }
  }
  const candidatesFor = (keys: readonly string[]): AgencyRecord[] => [...new Set(keys.flatMap((key) => byKey.get(key) ?? []))];
  return { keysOf, candidatesFor };
}

function runMatcher(agency: AgencyName, records: readonly AgencyRecord[], checked: Checked[], thresholds: MatchThresholds, batchSize: number): CaseOutcome[] {
  const index = indexRecords(records);
  const answers = new Map<Checked, Classification<AgencyRecord>>();
  const valid = checked.filter((c) => c.facts !== null);
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const facts = batch.map((c) => c.facts!);
    const candidates = index.candidatesFor(batchBlockingKeys(facts));
    const classifications = matchBatch(facts, candidates, (record) => record.identities, thresholds, { keys: (record) => index.keysOf.get(record)! });
    batch.forEach((c, i) => answers.set(c, classifications[i]));
  }
  return checked.map((c) => {
    const answer = answers.get(c);
    const truth = c.item.truth[agency];
    const candidates = c.facts ? index.candidatesFor(subjectBlockingKeys(c.facts)) : [];
    return {
      caseId: c.item.id,
      variation: c.item.variation,
      agency,
      truth,
      status: answer?.status ?? 'BAD_USER_INPUT',
      rejectedAsSent: c.rejectedAsSent,
      matchedRecordId: answer?.status === 'MATCHED' ? answer.matches[0].record.id : null,
      // Whatever a non-MATCHED answer lists is put before a person to review (AMBIGUOUS today).
      listedRecordIds: answer && answer.status !== 'MATCHED' ? answer.matches.map((m) => m.record.id) : [],
      candidates: candidates.length,
      trueRecordIsCandidate: truth.recordId === null ? null : candidates.some((r) => r.id === truth.recordId),
    };
  });
}

/** Trimmed and lower-cased, as a plain SQL equality lookup would compare: no other forgiveness. */
const exactKey = (facts: PersonFacts): string | null => {
  const plain = (text: string | null | undefined) => (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  const parts = [plain(facts.givenName), plain(facts.familyName), facts.dateOfBirth ?? ''];
  return parts.every((part) => part !== '') ? parts.join('|') : null;
};

/** The naive baseline: MATCHED only when exactly one record has the exact given name, family name and date of birth. */
function runBaseline(agency: AgencyName, records: readonly AgencyRecord[], checked: Checked[]): CaseOutcome[] {
  const byKey = new Map<string, Set<string>>();
  for (const record of records) {
    for (const identity of record.identities) {
      const key = exactKey(identity);
      if (key) byKey.set(key, (byKey.get(key) ?? new Set()).add(record.id));
    }
  }
  return checked.map((c) => {
    const key = c.facts ? exactKey(c.facts) : null;
    const found = key ? [...(byKey.get(key) ?? [])] : [];
    const status = c.facts === null ? 'BAD_USER_INPUT' : found.length === 1 ? 'MATCHED' : 'NOT_KNOWN';
    return {
      caseId: c.item.id,
      variation: c.item.variation,
      agency,
      truth: c.item.truth[agency],
      status,
      rejectedAsSent: c.rejectedAsSent,
      matchedRecordId: status === 'MATCHED' ? found[0] : null,
      listedRecordIds: [],
      candidates: null,
      trueRecordIsCandidate: null,
    };
  });
}
