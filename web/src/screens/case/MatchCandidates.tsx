import { useState } from 'react';
import { request } from '../../api/client';
import { ErrorSummary, Textarea } from '../../components/govuk';
import { formatDate, humanise } from '../../components/format';
import type { Agency } from '../../gql/graphql';
import { agencyName, fullName, type AgencyView, type SubjectData } from './model';
import { CASE_VIEW_CONFIRM_MATCH, CASE_VIEW_REJECT_MATCH } from './queries';
import { SummaryRows } from './parts';
import { useCaseAction } from './useCaseAction';

type Candidate = AgencyView['matches'][number];

const AMBIGUITY: Record<string, string> = {
  IDENTIFIER_CONFLICT: 'An identifier on the referral belongs to a record whose name or date of birth contradicts the referral: it may be a sibling\'s or a mistyped number.',
  SEVERAL_CANDIDATES: 'More than one record fits the referral (twins, relatives, people with the same name and date of birth).',
  BELOW_MATCH_THRESHOLD: 'One record may be this person, but not surely enough to show what it holds.',
};

/** How a candidate compares with the referral on the details that tell people apart. */
function comparison(subject: SubjectData, candidate: Candidate['candidate']): string {
  const same = (referral: string | null | undefined, record: string | null | undefined, shown: string) =>
    referral && record ? (referral.toLowerCase() === record.toLowerCase() ? 'same as the referral' : `differs from the referral (${shown})`) : 'not on both';
  return `Name ${same(fullName(subject), fullName(candidate), fullName(subject))}; date of birth ${same(subject.dateOfBirth, candidate.dateOfBirth, formatDate(subject.dateOfBirth))}`;
}

/**
 * An AMBIGUOUS answer: the records that could be the subject, with what tells them apart and a
 * decision on each (confirmMatch / rejectMatch), which the agency uses from the next fetch.
 */
export function MatchCandidates({ caseId, subject, agency, view, done }: { caseId: string; subject: SubjectData; agency: Agency; view: AgencyView; done: (message: string) => void }) {
  return (
    <>
      <p className="govuk-body">{agencyName(agency)} could not say which record is {fullName(subject)}. {view.ambiguity ? AMBIGUITY[view.ambiguity] : null}</p>
      <p className="govuk-body">Nothing these records hold is shown until you confirm one is this person.</p>
      {view.matches.map((match, index) => (
        <CandidateDecision key={match.candidate.recordId} caseId={caseId} subject={subject} agency={agency} match={match} index={index} done={done} />
      ))}
    </>
  );
}

function CandidateDecision({ caseId, subject, agency, match, index, done }: { caseId: string; subject: SubjectData; agency: Agency; match: Candidate; index: number; done: (message: string) => void }) {
  const action = useCaseAction(caseId, done);
  const [rationale, setRationale] = useState('');
  const id = `match-${subject.id}-${agency}-${index}`;
  const recordId = match.candidate.recordId;
  const decide = (confirm: boolean) => {
    const input = { subjectId: subject.id, agency, recordId, rationale };
    void action.submit(
      () => (confirm ? request(CASE_VIEW_CONFIRM_MATCH, { input }) : request(CASE_VIEW_REJECT_MATCH, { input })),
      confirm ? `${agencyName(agency)} record ${recordId} confirmed as ${fullName(subject)}` : `${agencyName(agency)} record ${recordId} rejected for ${fullName(subject)}`,
    );
  };
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h5 className="govuk-summary-card__title">Possible record {index + 1}: {recordId}</h5>
      </div>
      <div className="govuk-summary-card__content">
        <ErrorSummary errors={action.summary({ rationale: `${id}-rationale` }, `${id}-rationale`)} />
        <SummaryRows
          rows={[
            ['Name on record', fullName(match.candidate)],
            ['Date of birth on record', formatDate(match.candidate.dateOfBirth)],
            ['Compared with the referral', comparison(subject, match.candidate)],
            ['Matched on', match.matchedOn.map(humanise).join(', ')],
            ['Likelihood', `${Math.round(match.confidence * 100)}%`],
          ]}
        />
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          <Textarea
            id={`${id}-rationale`}
            label={`Why this record is, or is not, ${fullName(subject)}`}
            hint="For example: same school and address as on the referral"
            rows={2}
            value={rationale}
            onChange={setRationale}
            error={action.errors.rationale}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={action.pending} onClick={() => decide(true)}>
              This is the person<span className="govuk-visually-hidden">: {agencyName(agency)} record {recordId}</span>
            </button>
            <button type="submit" className="govuk-button govuk-button--warning" disabled={action.pending} onClick={() => decide(false)}>
              Not this person<span className="govuk-visually-hidden">: {agencyName(agency)} record {recordId}</span>
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
