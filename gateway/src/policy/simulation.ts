import type { DataSource } from 'typeorm';
import type { PolicyDocument } from './policy-document';
import { POLICY_DECIDED_PURPOSES, SimulationTally, type LoggedDecision, type SimulationExample, type SimulationOptions, type SimulationResult } from './simulation-tally';

export * from './simulation-tally';
export * from './simulation-period';

// seq as text keeps it exact beyond 2^53; ORDER BY must then name audit_log.seq, or it sorts the text.
const COLUMNS = `seq::text AS seq, id, recorded_at AS "recordedAt", actor_id AS "actorId", actor_roles AS "actorRoles", case_id AS "caseId",
  agency, decision, rule, policy_version AS "policyVersion", reason, facts`;

/**
 * What `candidate` would have decided, over the access log's AGENCY_FETCH entries recorded from
 * `from` (included) to `to` (excluded): read in seq order, `pageSize` at a time, each decision the
 * policy took decided again (`reEvaluate`) and counted (`SimulationTally`). Reads only.
 */
export async function simulatePolicy(hub: DataSource, candidate: PolicyDocument, from: Date, to: Date, options: SimulationOptions = {}): Promise<SimulationResult> {
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('simulatePolicy: pageSize must be a positive integer');
  const tally = new SimulationTally(candidate, options.examplesPerKind ?? 5);
  // The period's seq range from the recorded_at index, then pages by seq within it: no scan of
  // the log before the period, whatever its size.
  const [bounds] = (await hub.query('SELECT min(seq)::text AS first, max(seq)::text AS last FROM audit_log WHERE recorded_at >= $1 AND recorded_at < $2', [from, to])) as {
    first: string | null; last: string | null;
  }[];
  if (bounds?.first && bounds.last) {
    let after = (BigInt(bounds.first) - 1n).toString();
    for (;;) {
      const page = (await hub.query(
        `SELECT ${COLUMNS} FROM audit_log
          WHERE seq > $1 AND seq <= $2 AND kind = 'AGENCY_FETCH' AND recorded_at >= $3 AND recorded_at < $4
          ORDER BY audit_log.seq LIMIT $5`,
        [after, bounds.last, from, to, pageSize],
      )) as LoggedDecision[];
      for (const entry of page) tally.add({ ...entry, recordedAt: new Date(entry.recordedAt) });
      if (page.length < pageSize) break;
      after = page[page.length - 1].seq;
    }
  }
  const examples = await withCaseReferences(hub, tally.keptExamples());
  return tally.result(from, to, examples, describeMethod(candidate, from, to, pageSize));
}

/** The hub's reference for each example's case: ids and references only, never a name. */
async function withCaseReferences(hub: DataSource, examples: SimulationExample[]): Promise<SimulationExample[]> {
  const ids = [...new Set(examples.map((example) => example.caseId).filter(Boolean))];
  if (ids.length === 0) return examples;
  const rows = (await hub.query('SELECT id::text AS id, reference FROM mash_case WHERE id::text = ANY($1::text[])', [ids])) as { id: string; reference: string }[];
  const references = new Map(rows.map((found) => [found.id, found.reference]));
  return examples.map((example) => ({ ...example, caseReference: references.get(example.caseId) ?? null }));
}

function describeMethod(candidate: PolicyDocument, from: Date, to: Date, pageSize: number): string[] {
  return [
    `Read: every AGENCY_FETCH entry of the hub's access log recorded from ${from.toISOString()} (included) to ${to.toISOString()} (excluded), in log (seq) order, ${pageSize} at a time.`,
    `Re-evaluated: the decisions the ISA policy took, i.e. fetches for ${POLICY_DECIDED_PURPOSES.join(', ')} whose entry holds the case's facts at the time. Each is decided again by the gateway's own decision function (decideFetch) under version ${candidate.version}, with the same user id and roles, agency, purpose and case facts (kind, rating, rating state, status, closing time, early-help consent), and the time of the decision as the entry keeps it (decidedAt; for entries written before it was kept, the entry's recorded time, within milliseconds of the decision).`,
    'Compared: allowed or denied; for a fetch allowed under both, the field sensitivity levels the candidate releases (releasedLevels) against those the entry recorded as released. LEVELS_WIDENED: at least one level released that was not (even if another is withheld); LEVELS_NARROWED: only fewer levels. A fetch allowed under both whose entry recorded no levels (written before field classification) is counted unchanged and in levelsNotCompared; one with the same outcome reached by another rule is counted unchanged and in ruleChanged.',
    'Not re-evaluated, counted by reason: decisions no ISA rule took (no signed-in user, people who are not subjects of a hub case, hub or access log unavailable, no policy in force), disclosure-log reads, onward-notification look-ups (OPERATION_ENCOMPASS, GP_NOTIFICATION) and entries written before the log kept decision facts.',
    'Limits: the log holds the fetches people made. A version that opens more cannot show the fetches nobody attempted, and one that shares less cannot show what the refused users would have done instead. Examples are the first in log order for each kind of change; they name cases by the hub reference and users by id, never by name.',
  ];
}

