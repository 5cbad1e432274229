import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ApiRequestError, fieldErrors } from '../../api/client';
import { ApiErrorPanel, type ErrorItem } from '../../components/govuk';
import { humanise } from '../../components/format';

/**
 * A whole request that failed. A refusal for the user's role (FORBIDDEN) is an answer, not a
 * fault: said in the API's words, with no "try again".
 */
export function QueryFailure({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiRequestError && error.code === 'FORBIDDEN') {
    return (
      <div className="govuk-inset-text">
        <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Not available to your role</h2>
        <p className="govuk-body govuk-!-margin-bottom-0">{error.message}</p>
      </div>
    );
  }
  return <ApiErrorPanel error={error} retry={retry} />;
}

/** Whether a failed request was a BAD_USER_INPUT (shown at the fields, not as a failure). */
export function isBadInput(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'BAD_USER_INPUT';
}

export interface FieldName {
  /** The input's id on the page. */
  id: string;
  /** The field's label, to start the message with. */
  label: string;
}

/**
 * A BAD_USER_INPUT's messages at the fields it names (keyed by the API's argument name), and the
 * error summary's links. The API's "argument: ..." prefix becomes the field's label; a message
 * naming no field links to `fallbackId`.
 */
export function inputProblems(error: unknown, fields: Record<string, FieldName>, fallbackId: string): { at: Record<string, string>; summary: ErrorItem[] } {
  const at: Record<string, string> = {};
  const summary: ErrorItem[] = [];
  for (const [name, message] of Object.entries(fieldErrors(error))) {
    const field = fields[name];
    const text = field ? inWords(field.label, name, message) : message;
    if (field) at[name] = text;
    summary.push({ href: field?.id ?? fallbackId, text });
  }
  return { at, summary };
}

function inWords(label: string, name: string, message: string): string {
  const stripped = message.replace(/^Invalid input\.\s*/, '');
  const rest = (stripped.startsWith(`${name}:`) ? stripped.slice(name.length + 1).trimStart() : stripped).replace(/\.$/, '');
  return /^[a-z]/.test(rest) ? `${label} ${rest}` : rest;
}

const DECISION_COLOURS: Record<string, string> = { ALLOWED: 'green', DENIED: 'red', RECORDED: 'grey' };

/** An access-log decision as a tag: the word carries the meaning, the colour only helps. */
export function DecisionTag({ decision }: { decision: string }) {
  return <strong className={`govuk-tag govuk-tag--${DECISION_COLOURS[decision] ?? 'grey'}`}>{humanise(decision)}</strong>;
}

const STATUS_COLOURS: Record<string, string> = { ACTIVE: 'green', DRAFT: 'blue', RETIRED: 'grey', OPEN: 'orange', ACKNOWLEDGED: 'grey' };

/** A policy version's or an alert's status as a tag, in words. */
export function StatusTag({ status }: { status: string }) {
  return <strong className={`govuk-tag govuk-tag--${STATUS_COLOURS[status] ?? 'grey'}`}>{humanise(status)}</strong>;
}

/** Ids as the API gives them, in monospace; `hash` for a long run without hyphens (wraps anywhere). */
export function Id({ children, hash = false }: { children: ReactNode; hash?: boolean }) {
  return <code className={`app-gov-id${hash ? ' app-gov-id--hash' : ''}`}>{children}</code>;
}

/**
 * Cursor paging kept in the address: `after` in the query string, and the cursors of the pages
 * before in the history entry's state, so Previous, Next and the browser's Back all agree.
 */
export function useCursorPaging(): { after: string | null; pageNumber: number } {
  const [params] = useSearchParams();
  const back = pagesBefore(useLocation().state);
  return { after: params.get('after'), pageNumber: back.length + 1 };
}

function pagesBefore(state: unknown): (string | null)[] {
  const back = (state as { back?: unknown } | null)?.back;
  return Array.isArray(back) ? back.filter((item): item is string | null => item === null || typeof item === 'string') : [];
}

const ARROW_PREVIOUS = 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z';
const ARROW_NEXT = 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z';

/** GOV.UK pagination (block style: previous and next only) over cursor pages. */
export function CursorPagination({ endCursor, hasNextPage, what }: { endCursor: string | null | undefined; hasNextPage: boolean; what: string }) {
  const location = useLocation();
  const [params] = useSearchParams();
  const back = pagesBefore(location.state);
  const after = params.get('after');
  const hasPrevious = after !== null;
  if (!hasPrevious && !hasNextPage) return null;
  const linkTo = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('after', cursor);
    else next.delete('after');
    const search = next.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={`Pages of ${what}`}>
      {hasPrevious ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" rel="prev" to={linkTo(back.at(-1) ?? null)} state={{ back: back.slice(0, -1) }}>
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={ARROW_PREVIOUS} />
            </svg>
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Newer {what}</span>
          </Link>
        </div>
      ) : null}
      {hasNextPage && endCursor ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" to={linkTo(endCursor)} state={{ back: [...back, after] }}>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={ARROW_NEXT} />
            </svg>
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Older {what}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
