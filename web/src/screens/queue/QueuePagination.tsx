import { Link } from 'react-router';
import { writeFilters, type QueueFilters } from './filters';

/** GOV.UK pagination (block style: the number of cases is not known, only whether more follow). */
export function QueuePagination({ filters, hasNext, shown }: { filters: QueueFilters; hasNext: boolean; shown: number }) {
  if (filters.offset === 0 && !hasNext) return null;
  const at = (offset: number) => `/queue?${writeFilters({ ...filters, offset }).toString()}`;
  const previous = Math.max(0, filters.offset - filters.limit);
  const next = filters.offset + shown;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      {filters.offset > 0 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={at(previous)} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Cases {previous + 1} to {previous + filters.limit}</span>
          </Link>
        </div>
      ) : null}
      {hasNext ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={at(next)} rel="next">
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Cases from {next + 1}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
