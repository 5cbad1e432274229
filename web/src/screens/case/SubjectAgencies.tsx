import type { ApiError } from '../../api/client';
import { formatDate, humanise } from '../../components/format';
import { AgencyRecord } from './AgencyRecords';
import { MatchCandidates } from './MatchCandidates';
import { AGENCIES, agencyName, answerOf, bySeverity, fullName, type AgencyAnswer, type SubjectData } from './model';
import { FlagList, SummaryRows } from './parts';

const STATE_TAG: Record<AgencyAnswer['state'], { text: string; colour: string }> = {
  KNOWN: { text: 'Known', colour: 'blue' },
  NOT_KNOWN: { text: 'Not known', colour: 'grey' },
  AMBIGUOUS: { text: 'Identity to confirm', colour: 'yellow' },
  DENIED: { text: 'Not shared', colour: 'purple' },
  UNAVAILABLE: { text: 'No answer', colour: 'red' },
};

/** The subject as the referral gave them; identifiers only where given. */
function Identity({ subject }: { subject: SubjectData }) {
  return (
    <SummaryRows
      rows={[
        ['Date of birth', subject.dateOfBirth ? formatDate(subject.dateOfBirth) : 'Not given'],
        ['Gender', subject.gender ? humanise(subject.gender) : null],
        ['Address', [subject.addressLine, subject.postcode].filter(Boolean).join(', ') || null],
        ['NHS number', subject.nhsNumber],
        ['Unique Pupil Number', subject.upn],
        ['PNC ID', subject.pncId],
      ]}
    />
  );
}

/** One agency's answer for the subject, in the words of its state. */
function AgencyCard({ caseId, subject, index, agency, errors, refetch, done }: {
  caseId: string;
  subject: SubjectData;
  index: number;
  agency: (typeof AGENCIES)[number];
  errors: ApiError[];
  refetch: () => void;
  done: (message: string) => void;
}) {
  const answer = answerOf(subject, index, agency, errors);
  const tag = STATE_TAG[answer.state];
  const headingId = `subject-${subject.id}-${agency.field}`;
  return (
    <section className="govuk-summary-card app-case-agency" aria-labelledby={headingId} data-agency={agency.field} data-state={answer.state}>
      <div className="govuk-summary-card__title-wrapper">
        <h4 className="govuk-summary-card__title" id={headingId}>
          {agency.name} <strong className={`govuk-tag govuk-tag--${tag.colour} app-case-tag`}>{tag.text}</strong>
        </h4>
      </div>
      <div className="govuk-summary-card__content">
        <AnswerBody caseId={caseId} subject={subject} answer={answer} agency={agency} refetch={refetch} done={done} />
      </div>
    </section>
  );
}

function AnswerBody({ caseId, subject, answer, agency, refetch, done }: { caseId: string; subject: SubjectData; answer: AgencyAnswer; agency: (typeof AGENCIES)[number]; refetch: () => void; done: (message: string) => void }) {
  if (answer.state === 'DENIED') {
    return (
      <>
        <p className="govuk-body">{answer.reason}</p>
        {answer.rule ? <p className="govuk-body-s">Sharing agreement rule: <code>{answer.rule}</code></p> : null}
      </>
    );
  }
  if (answer.state === 'UNAVAILABLE') {
    return (
      <>
        <p className="govuk-body govuk-!-font-weight-bold">{agency.name} did not answer</p>
        <p className="govuk-body">{answer.reason}</p>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={refetch}>
          Try again<span className="govuk-visually-hidden"> to ask {agency.name}</span>
        </button>
      </>
    );
  }
  const { view, withheld } = answer;
  const flags = view.flags ? bySeverity(view.flags) : null;
  const match = view.matches[0];
  return (
    <>
      {answer.state === 'NOT_KNOWN' ? <p className="govuk-body govuk-!-font-weight-bold">No record held by {agency.name.toLowerCase()}</p> : null}
      {answer.state === 'KNOWN' && match ? (
        <>
          <SummaryRows
            rows={[
              ['Record', match.candidate.recordId],
              ['Match', `${Math.round(match.confidence * 100)}% likely, on ${match.matchedOn.map(humanise).join(', ').toLowerCase()}`],
              ['Postcode held', match.candidate.postcode ? `${match.candidate.postcode}${subject.postcode && match.candidate.postcode !== subject.postcode ? ' (differs from the referral)' : ''}` : null],
            ]}
            className="govuk-summary-list--no-border"
          />
          <AgencyRecord subject={subject} field={agency.field} />
        </>
      ) : null}
      {answer.state === 'AMBIGUOUS' ? <MatchCandidates caseId={caseId} subject={subject} agency={agency.field} view={view} done={done} /> : null}
      <h5 className="govuk-heading-s govuk-!-margin-top-4">Flags from {agency.name.toLowerCase()}</h5>
      {flags ? <FlagList flags={flags} label={`Flags from ${agency.name.toLowerCase()} on ${fullName(subject)}`} /> : <p className="govuk-body">Flags not shared.</p>}
      {withheld.length > 0 ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">Some details were not shared:</p>
          <ul className="govuk-list govuk-list--bullet">
            {[...new Set(withheld.map((error) => `${error.message}${typeof error.extensions?.rule === 'string' ? ` (rule ${error.extensions.rule})` : ''}`))].map((text) => <li key={text}>{text}</li>)}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** Earlier confirmations and rejections of agency records for the subject. */
function MatchDecisions({ subject }: { subject: SubjectData }) {
  if (subject.matchDecisions.length === 0) return null;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Match decisions for {fullName(subject)}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Agency record</th>
          <th scope="col" className="govuk-table__header">Decision</th>
          <th scope="col" className="govuk-table__header">Why</th>
          <th scope="col" className="govuk-table__header">Who and when</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {subject.matchDecisions.map((decision) => (
          <tr className="govuk-table__row" key={decision.id}>
            <td className="govuk-table__cell">{agencyName(decision.agency)} {decision.recordId}</td>
            <td className="govuk-table__cell">{humanise(decision.decision)}</td>
            <td className="govuk-table__cell">{decision.rationale}</td>
            <td className="govuk-table__cell">{decision.decidedBy}, {formatDate(decision.decidedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each subject: who they are, and what each of the four agencies said about them. */
export function SubjectAgencies({ caseId, subjects, errors, refetch, done }: { caseId: string; subjects: SubjectData[]; errors: ApiError[]; refetch: () => void; done: (message: string) => void }) {
  return (
    <>
      {subjects.map((subject, index) => (
        <section key={subject.id} className="app-case-subject" aria-labelledby={`subject-${subject.id}`}>
          <h3 className="govuk-heading-m" id={`subject-${subject.id}`}>
            {fullName(subject)} <span className="govuk-caption-m app-case-inline-caption">{humanise(subject.householdRole)}</span>
          </h3>
          <Identity subject={subject} />
          <MatchDecisions subject={subject} />
          <div className="app-case-agencies">
            {AGENCIES.map((agency) => (
              <AgencyCard key={agency.field} caseId={caseId} subject={subject} index={index} agency={agency} errors={errors} refetch={refetch} done={done} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
