import type { EntityManager } from 'typeorm';
import type { Queryable } from '../audit/verify-agencies';
import type { Rag } from '../policy';
import type { AlertCandidate, CaseRating, Disclosure, LogEntry, RatingStep, UrgentReview } from './rules';

/** The access-log columns the rules read. */
const ENTRY_COLUMNS = `seq::text AS seq, id, recorded_at AS "at", kind, decision, actor_id AS "actorId", case_id AS "caseId", agency, rule, reason,
  request_id AS "requestId", grant_id AS "grantId"`;
/** Only these entries ever take part in an entry-based rule. */
const RELEVANT = `(kind = 'AGENCY_FETCH' OR (kind = 'CASE_MUTATION' AND rule IN ('RATE_CASE', 'RECORD_CONSENT')))`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const relevant = (entry: LogEntry): boolean => entry.kind === 'AGENCY_FETCH' || (entry.kind === 'CASE_MUTATION' && (entry.rule === 'RATE_CASE' || entry.rule === 'RECORD_CONSENT'));

/** The next `limit` entries after `after` (every kind, so the watermark passes over the others too). */
export function entriesAfter(manager: EntityManager, after: string, limit: number): Promise<LogEntry[]> {
  return manager.query(`SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]);
}

/**
 * The relevant entries of these users up to `upTo` recorded since `since`: what the rules look
 * back at. Every rule pairs entries of one user, so other users' entries are never needed.
 */
export function contextEntries(manager: EntityManager, userIds: string[], since: Date, upTo: string): Promise<LogEntry[]> {
  return manager.query(
    `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq <= $1 AND recorded_at >= $2 AND actor_id = ANY($3::text[]) AND ${RELEVANT} ORDER BY seq`,
    [upTo, since, userIds],
  );
}

/** Each rating with the case's rating just before it (null for a case's first). */
export async function ratingSteps(manager: EntityManager, ratingIds: string[]): Promise<Map<string, RatingStep>> {
  const ids = ratingIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return new Map();
  const rows: { id: string; rag: Rag; previousRag: Rag | null }[] = await manager.query(
    `SELECT r.id, r.rag, (SELECT p.rag FROM rag_rating p WHERE p.case_id = r.case_id AND p.rated_at < r.rated_at ORDER BY p.rated_at DESC LIMIT 1) AS "previousRag"
       FROM rag_rating r WHERE r.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { rag: row.rag, previousRag: row.previousRag }]));
}

/** Every rating of these cases, oldest first per case. */
export async function caseRatings(manager: EntityManager, caseIds: string[]): Promise<Map<string, CaseRating[]>> {
  const ids = [...new Set(caseIds)].filter((id) => UUID.test(id));
  const byCase = new Map<string, CaseRating[]>();
  if (ids.length === 0) return byCase;
  const rows: { caseId: string; rag: Rag; at: Date }[] = await manager.query(
    `SELECT case_id AS "caseId", rag, rated_at AS "at" FROM rag_rating WHERE case_id = ANY($1::uuid[]) ORDER BY rated_at`,
    [ids],
  );
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), { rag: row.rag, at: row.at }]);
  return byCase;
}

/** Per user: allowed agency fetches in [from, to). */
export async function allowedFetchCounts(manager: EntityManager, userIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  const rows: { userId: string; count: string }[] = await manager.query(
    `SELECT actor_id AS "userId", count(*)::text AS count FROM audit_log
      WHERE kind = 'AGENCY_FETCH' AND decision = 'ALLOWED' AND actor_id = ANY($1::text[]) AND recorded_at >= $2 AND recorded_at < $3
      GROUP BY actor_id`,
    [userIds, from, to],
  );
  return new Map(rows.map((row) => [row.userId, Number(row.count)]));
}

/**
 * Urgent reviews still open, or closed since `closedSince`, with the access-log entries that gave
 * their rating and closed them.
 */
export async function urgentReviews(manager: EntityManager, closedSince: Date): Promise<UrgentReview[]> {
  const reviews: Omit<UrgentReview, 'entries'>[] = await manager.query(
    `SELECT id, case_id AS "caseId", rating_id AS "ratingId", rag, rated_by AS "ratedBy", opened_at AS "openedAt", status, closed_by AS "closedBy", closed_at AS "closedAt"
       FROM rating_review WHERE kind = 'URGENT' AND (status = 'OPEN' OR closed_at >= $1) ORDER BY opened_at`,
    [closedSince],
  );
  if (reviews.length === 0) return [];
  const entries: LogEntry[] = await manager.query(
    `SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE case_id = ANY($1::text[]) AND kind = 'CASE_MUTATION'
        AND rule IN ('RECEIVE_REFERRAL', 'RATE_CASE', 'CONFIRM_RATING', 'OVERTURN_RATING') ORDER BY seq`,
    [[...new Set(reviews.map((review) => review.caseId))]],
  );
  return reviews.map((review) => ({
    ...review,
    entries: entries.filter((entry) => entry.caseId === review.caseId && (entry.reason ?? '').split(' ').some((word) => word === `rating=${review.ratingId}` || word === `review=${review.id}`)),
  }));
}

/** The next `limit` rows of an agency's disclosure log after `after`. */
export function disclosuresAfter(db: Queryable, after: string, limit: number): Promise<Disclosure[]> {
  return db.query(
    `SELECT seq::text AS seq, id, disclosed_at AS "disclosedAt", grant_id AS "grantId", case_id AS "caseId", user_id AS "userId", subject_id AS "subjectId"
       FROM disclosure_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit],
  ) as Promise<Disclosure[]>;
}

/** Inserts the alerts not raised before (by dedup key); returns how many were new. */
export async function insertAlerts(manager: EntityManager, alerts: AlertCandidate[], policyVersion: string | null, raisedAt: Date): Promise<number> {
  const unique = [...new Map(alerts.map((alert) => [alert.dedupKey, alert])).values()];
  if (unique.length === 0) return 0;
  const rows = unique.map((alert) => ({
    rule_id: alert.ruleId, kind: alert.kind, severity: alert.severity, dedup_key: alert.dedupKey, user_id: alert.userId, case_id: alert.caseId,
    agency: alert.agency, span_from: alert.from.toISOString(), span_to: alert.to.toISOString(), summary: alert.summary, evidence: alert.evidence,
  }));
  const inserted: unknown[] = await manager.query(
    `INSERT INTO governance_alert (rule_id, kind, severity, dedup_key, user_id, case_id, agency, span_from, span_to, summary, evidence, policy_version, raised_at)
     SELECT r.rule_id, r.kind, r.severity, r.dedup_key, r.user_id, r.case_id, r.agency, r.span_from, r.span_to, r.summary, r.evidence, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(rule_id text, kind text, severity text, dedup_key text, user_id text, case_id text, agency text,
            span_from timestamptz, span_to timestamptz, summary text, evidence jsonb)
     ORDER BY r.span_from
     ON CONFLICT (dedup_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows), policyVersion, raisedAt],
  );
  return inserted.length;
}

/** A source's watermark, created at 0 on first use. */
export async function watermark(manager: EntityManager, source: string): Promise<{ position: string; scannedAt: Date | null }> {
  await manager.query('INSERT INTO governance_alert_watermark (source) VALUES ($1) ON CONFLICT (source) DO NOTHING', [source]);
  const [row] = await manager.query('SELECT position::text AS position, scanned_at AS "scannedAt" FROM governance_alert_watermark WHERE source = $1', [source]);
  return row;
}

export async function moveWatermark(manager: EntityManager, source: string, position: string, scannedAt: Date): Promise<void> {
  await manager.query('UPDATE governance_alert_watermark SET position = $2, scanned_at = $3 WHERE source = $1', [source, position, scannedAt]);
}
