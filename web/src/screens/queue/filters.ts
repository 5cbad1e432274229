import type { CaseStatus, Pathway, Rag } from '../../gql/graphql';

/** The queue's filters and page, as the address bar carries them (so a filtered queue can be bookmarked). */
export interface QueueFilters {
  rag: Rag[];
  /** OPEN unless the URL says otherwise; null for every status. */
  status: CaseStatus | null;
  overdue: boolean;
  pathway: Pathway | null;
  assignee: string;
  mine: boolean;
  offset: number;
  limit: number;
}

export const RAGS: readonly Rag[] = ['RED', 'AMBER', 'GREEN'];
export const DEFAULT_LIMIT = 25;
/** Most cases on one page: the API takes up to 200, one more is asked for to know a next page is there. */
export const MAX_LIMIT = 100;
const STATUSES: readonly CaseStatus[] = ['OPEN', 'CLOSED'];
const PATHWAYS: readonly Pathway[] = ['CHILDREN', 'ADULTS'];

function whole(value: string | null, fallback: number, min: number, max: number): number {
  const number = value === null ? NaN : Number(value);
  return Number.isInteger(number) ? Math.min(max, Math.max(min, number)) : fallback;
}

/** Filters from the query string; anything not understood falls back to the default. */
export function readFilters(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  const pathway = params.get('pathway');
  return {
    rag: RAGS.filter((rag) => params.getAll('rag').includes(rag)),
    status: status === 'ANY' ? null : STATUSES.find((value) => value === status) ?? 'OPEN',
    overdue: params.get('overdue') === 'yes',
    pathway: PATHWAYS.find((value) => value === pathway) ?? null,
    assignee: params.get('assignee')?.trim() ?? '',
    mine: params.get('mine') === 'yes',
    offset: whole(params.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER),
    limit: whole(params.get('limit'), DEFAULT_LIMIT, 1, MAX_LIMIT),
  };
}

/** The query string for `filters`, defaults left out so the address stays short. */
export function writeFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const rag of filters.rag) params.append('rag', rag);
  if (filters.status !== 'OPEN') params.set('status', filters.status ?? 'ANY');
  if (filters.overdue) params.set('overdue', 'yes');
  if (filters.pathway) params.set('pathway', filters.pathway);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.mine) params.set('mine', 'yes');
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  if (filters.limit !== DEFAULT_LIMIT) params.set('limit', String(filters.limit));
  return params;
}

/** The `cases` arguments for one page, asking one more than the page holds to learn whether a next page exists. */
export function queueVariables(filters: QueueFilters) {
  return {
    rag: filters.rag.length > 0 ? filters.rag : null,
    status: filters.status,
    overdue: filters.overdue || null,
    pathway: filters.pathway,
    assignee: filters.assignee || null,
    mine: filters.mine || null,
    offset: filters.offset,
    limit: filters.limit + 1,
  };
}
