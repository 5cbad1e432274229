import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { errorsAt, request } from '../../api/client';
import { ApiErrorPanel, Loading, RagTag, SuccessBanner, usePageTitle } from '../../components/govuk';
import { CaseActions } from './CaseActions';
import { Associates, Findings, FlagsBySubject, RiskMatrixTable } from './CasePicture';
import { ConsentHistory, RatingHistory } from './RatingHistory';
import { ReferralSummary } from './ReferralSummary';
import { SubjectAgencies } from './SubjectAgencies';
import { CASE_VIEW } from './queries';
import './case.css';

const SECTIONS = [
  ['referral', 'Referral'],
  ['ratings', 'Ratings and consent'],
  ['people', 'People and what the agencies hold'],
  ['picture', 'Case picture'],
  ['actions', 'Actions'],
] as const;

/** A change's success, announced and focused at the top of the page. */
function Notice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    <div ref={ref} tabIndex={-1} className="app-case-notice">
      <SuccessBanner title={text} />
    </div>
  );
}

/**
 * The case a triage officer works: the referral, its ratings, every subject with each agency's
 * answer in words (known, not known, identity to confirm, not shared, no answer), the case picture
 * and the actions. Everything comes from one request to the public API; what the agreement
 * withholds arrives as a null field with its error, and is shown as such.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['case', id], queryFn: () => request(CASE_VIEW, { id }) });
  const record = query.data?.data?.case;
  usePageTitle(record ? `Case ${record.reference}` : 'Case');
  if (query.isPending) return <Loading what="the case" />;
  if (query.isError) return <ApiErrorPanel error={query.error} retry={() => query.refetch()} />;
  if (!record) {
    return (
      <>
        <h1 className="govuk-heading-l">Case not found</h1>
        <p className="govuk-body">There is no case with this id, or you may not see it.</p>
      </>
    );
  }
  const errors = query.data.errors;
  const subjects = record.subjects ?? [];
  const subjectsWithheld = record.subjects ? null : errorsAt(errors, ['case', 'subjects'])[0];
  const refetch = () => void query.refetch();
  return (
    <>
      {notice ? <Notice text={notice} /> : null}
      <span className="govuk-caption-l">Case</span>
      <h1 className="govuk-heading-l">
        {record.reference} <RagTag rag={record.rag} />
      </h1>
      {query.isFetching ? <p className="govuk-body-s" role="status">Updating the case…</p> : null}
      <nav aria-labelledby="case-contents" className="app-case-contents">
        <h2 className="govuk-heading-s" id="case-contents">Contents</h2>
        <ul className="govuk-list">
          {SECTIONS.map(([anchor, title]) => (
            <li key={anchor}><a className="govuk-link" href={`#${anchor}`}>{title}</a></li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="referral">
        <h2 className="govuk-heading-l" id="referral">Referral</h2>
        <ReferralSummary record={record} />
      </section>

      <section aria-labelledby="ratings">
        <h2 className="govuk-heading-l" id="ratings">Ratings and consent</h2>
        <RatingHistory ratings={record.ragHistory} />
        <ConsentHistory records={record.consentHistory} />
      </section>

      <section aria-labelledby="people">
        <h2 className="govuk-heading-l" id="people">People and what the agencies hold</h2>
        {subjectsWithheld ? <p className="govuk-body">Not shared: {subjectsWithheld.message}</p> : null}
        <SubjectAgencies caseId={record.id} subjects={subjects} errors={errors} refetch={refetch} done={setNotice} />
      </section>

      <section aria-labelledby="picture">
        <h2 className="govuk-heading-l" id="picture">Case picture</h2>
        <p className="govuk-body">Built from what the agencies answered under the sharing agreement: the rating stays with the MASH.</p>
        {record.picture ? (
          <>
            <h3 className="govuk-heading-m">Cross-agency findings</h3>
            <Findings picture={record.picture} subjects={subjects} />
            <h3 className="govuk-heading-m">Flags by severity</h3>
            <FlagsBySubject picture={record.picture} subjects={subjects} />
          </>
        ) : (
          <p className="govuk-body">The case picture is not available: {errorsAt(errors, ['case', 'picture'])[0]?.message ?? 'no answer'}.</p>
        )}
        <h3 className="govuk-heading-m">Risk matrix</h3>
        {record.riskMatrix ? <RiskMatrixTable matrix={record.riskMatrix} subjects={subjects} /> : <p className="govuk-body">The risk matrix is not available: {errorsAt(errors, ['case', 'riskMatrix'])[0]?.message ?? 'no answer'}.</p>}
        <h3 className="govuk-heading-m">Household and associates</h3>
        <Associates caseId={record.id} subjects={subjects} errors={errors} open={record.status === 'OPEN'} done={setNotice} />
      </section>

      <section aria-labelledby="actions">
        <h2 className="govuk-heading-l" id="actions">Actions</h2>
        <CaseActions record={record} done={setNotice} />
      </section>
    </>
  );
}
