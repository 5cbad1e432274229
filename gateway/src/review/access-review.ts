import { AGENCIES } from '@mash/shared';
import type { DataSource } from 'typeorm';
import { AuditEntry, type AccessLogEntry } from '../audit';
import type { AccessReviewArgs } from './access-review.type';
import { MAX_PAGE } from './access-review.type';
import { caseIdOf, isUuid } from './case-references';
import { badArgument } from './errors';
import { period } from './period';

/** accessReview's filters once checked, in the form a cursor is bound to. */
export interface AccessFilters {
  userId: string | null;
  caseId: string | null;
  subjectId: string | null;
  agency: string | null;
  decision: string | null;
  rule: string | null;
  kind: string | null;
  /** ISO instants. */
  from: string | null;
  to: string | null;
}

/** Checks every filter (BAD_USER_INPUT naming the argument) and resolves a case reference to its id. */
export async function accessFilters(hub: DataSource, args: AccessReviewArgs, zone: string): Promise<AccessFilters> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw badArgument('first', `must be 1 to ${MAX_PAGE}`);
  if (args.agency !== null && !(AGENCIES as readonly string[]).includes(args.agency)) throw badArgument('agency', `must be one of ${AGENCIES.join(', ')}`);
  if (args.subjectId !== null && !isUuid(args.subjectId)) throw badArgument('subjectId', "is not a subject id (the hub's subject ids are UUIDs)");
  if (args.userId !== null && (args.userId.trim() === '' || args.userId.length > 200)) throw badArgument('userId', 'must be a user id of 1 to 200 characters');
  if (args.rule !== null && (args.rule.trim() === '' || args.rule.length > 200)) throw badArgument('rule', 'must be a rule id of 1 to 200 characters');
  const { from, to } = period(args.from, args.to, zone);
  return {
    userId: args.userId,
    caseId: args.case === null ? null : await caseIdOf(hub, args.case),
    subjectId: args.subjectId?.toLowerCase() ?? null,
    agency: args.agency,
    decision: args.decision,
    rule: args.rule,
    kind: args.kind,
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
  };
}

/**
 * One page of entries matching every filter, newest first, strictly older than `beforeSeq` when
 * given. Paging by seq (the chain's order, never reused) means entries appended while a reader
 * walks the pages, such as the reads themselves, cannot shift what later pages hold.
 */
export async function accessPage(hub: DataSource, filters: AccessFilters, first: number, beforeSeq: string | null): Promise<{ rows: AuditEntry[]; more: boolean }> {
  const query = hub.getRepository(AuditEntry).createQueryBuilder('entry');
  // Each filter has an index (migration AccessReviewIndexes); subject_ids by GIN for @>.
  if (filters.userId !== null) query.andWhere('entry.actorId = :userId', { userId: filters.userId });
  if (filters.caseId !== null) query.andWhere('entry.caseId = :caseId', { caseId: filters.caseId });
  if (filters.subjectId !== null) query.andWhere('entry.subjectIds @> ARRAY[:subjectId]::text[]', { subjectId: filters.subjectId });
  if (filters.agency !== null) query.andWhere('entry.agency = :agency', { agency: filters.agency });
  if (filters.decision !== null) query.andWhere('entry.decision = :decision', { decision: filters.decision });
  if (filters.rule !== null) query.andWhere('entry.rule = :rule', { rule: filters.rule });
  if (filters.kind !== null) query.andWhere('entry.kind = :kind', { kind: filters.kind });
  if (filters.from !== null) query.andWhere('entry.recordedAt >= :from', { from: new Date(filters.from) });
  if (filters.to !== null) query.andWhere('entry.recordedAt < :to', { to: new Date(filters.to) });
  if (beforeSeq !== null) query.andWhere('entry.seq < CAST(:beforeSeq AS bigint)', { beforeSeq });
  const rows = await query.orderBy('entry.seq', 'DESC').limit(first + 1).getMany();
  return { rows: rows.slice(0, first), more: rows.length > first };
}

/** An entry as the GraphQL type carries it (timestamps as ISO strings). */
export function accessLogEntry(row: AuditEntry): AccessLogEntry {
  return { ...row, recordedAt: row.recordedAt.toISOString() } as AccessLogEntry;
}

/** The filters in words for the access log's reason: ids and codes only. */
export function describeFilters(filters: AccessFilters, first: number, after: string | null): string {
  const set = Object.entries({ ...filters, first, after: after === null ? null : 'cursor' }).filter(([, value]) => value !== null);
  return set.map(([key, value]) => `${key}=${value}`).join(' ');
}
