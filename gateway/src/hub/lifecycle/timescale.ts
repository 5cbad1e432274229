import type { Case } from '../entities/case.entity';
import { CaseStage, type Rag } from '../entities/enums';
import { dueBy, type HubClock } from '../timescales';

/**
 * Sets a case's clock for a rating about to be applied (before `applyRating` changes its rating):
 * a rating other than the current one starts its timescale now; the same rating again keeps it.
 * Returns the due time, which the rating keeps (RagRating.dueBy).
 */
export function startTimescale(record: Case, rag: Rag, now: Date, clock: HubClock): Date {
  if (record.rag !== rag || !record.ratedAt) record.ratedAt = now;
  record.firstRatedAt ??= now;
  if (record.stage === CaseStage.RECEIVED) record.stage = CaseStage.RATED;
  record.dueBy = dueBy({ kind: record.kind, rag, receivedAt: record.receivedAt, ratedAt: record.ratedAt }, clock);
  return record.dueBy;
}
