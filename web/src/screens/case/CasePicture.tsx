import { useState } from 'react';
import { request, type ApiError } from '../../api/client';
import { ErrorSummary, Select } from '../../components/govuk';
import { formatDate, humanise } from '../../components/format';
import type { HouseholdRole } from '../../gql/graphql';
import { agencyName, bySeverity, fullName, type CaseData, type SubjectData } from './model';
import { LevelTag, SeverityTag } from './parts';
import { CASE_VIEW_ADD_SUBJECT } from './queries';
import { useCaseAction } from './useCaseAction';

type Picture = NonNullable<CaseData['picture']>;
type RiskMatrix = NonNullable<CaseData['riskMatrix']>;
type Associate = NonNullable<SubjectData['associates']>[number];

const names = (subjects: SubjectData[], ids: readonly string[]) => ids.map((id) => (subjects.find((subject) => subject.id === id) ? fullName(subjects.find((subject) => subject.id === id)!) : 'another subject')).join(', ');

/** What only shows when the agencies are put side by side. */
export function Findings({ picture, subjects }: { picture: Picture; subjects: SubjectData[] }) {
  if (picture.findings.length === 0) return <p className="govuk-body">No cross-agency findings.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Cross-agency findings, most severe first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Weight</th>
          <th scope="col" className="govuk-table__header">Finding</th>
          <th scope="col" className="govuk-table__header">About</th>
          <th scope="col" className="govuk-table__header">From</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {bySeverity(picture.findings).map((finding, index) => (
          <tr className="govuk-table__row" key={`${finding.code}-${index}`}>
            <td className="govuk-table__cell">{finding.status === 'FOUND' ? <SeverityTag severity={finding.severity} /> : <strong className="govuk-tag govuk-tag--grey app-case-tag">Not assessed</strong>}</td>
            <td className="govuk-table__cell">{finding.summary}</td>
            <td className="govuk-table__cell">{names(subjects, finding.subjectIds)}</td>
            <td className="govuk-table__cell">{finding.agencies.map(agencyName).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every agency flag, per subject, most severe first. */
export function FlagsBySubject({ picture, subjects }: { picture: Picture; subjects: SubjectData[] }) {
  const withFlags = subjects.filter((subject) => picture.flags.some((flag) => flag.subjectId === subject.id));
  if (withFlags.length === 0) return <p className="govuk-body">No agency has raised a flag that is shared on this case.</p>;
  return (
    <>
      {withFlags.map((subject) => (
        <table className="govuk-table" key={subject.id}>
          <caption className="govuk-table__caption govuk-table__caption--s">Flags for {fullName(subject)}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Severity</th>
              <th scope="col" className="govuk-table__header">Agency</th>
              <th scope="col" className="govuk-table__header">Flag</th>
              <th scope="col" className="govuk-table__header">Latest</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {bySeverity(picture.flags.filter((flag) => flag.subjectId === subject.id)).map((flag) => (
              <tr className="govuk-table__row" key={`${flag.agency}-${flag.code}-${flag.summary}`}>
                <td className="govuk-table__cell"><SeverityTag severity={flag.severity} /></td>
                <td className="govuk-table__cell">{agencyName(flag.agency)}</td>
                <td className="govuk-table__cell">{flag.summary}</td>
                <td className="govuk-table__cell">{formatDate(flag.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** The integrated risk matrix: each area of harm, its level, the facts behind it and what could not be assessed. */
export function RiskMatrixTable({ matrix, subjects }: { matrix: RiskMatrix; subjects: SubjectData[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Risk matrix (sharing agreement {matrix.policyVersion})</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Area of harm</th>
          <th scope="col" className="govuk-table__header">Level</th>
          <th scope="col" className="govuk-table__header">Behind it</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {matrix.rows.map((row) => (
          <tr className="govuk-table__row" key={row.area}>
            <th scope="row" className="govuk-table__header">{row.label}</th>
            <td className="govuk-table__cell"><LevelTag level={row.level} /></td>
            <td className="govuk-table__cell">
              {row.facts.length > 0 ? (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {row.facts.map((fact) => <li key={`${fact.agency}-${fact.subjectId}-${fact.code}`}>{agencyName(fact.agency)} on {names(subjects, [fact.subjectId])}: {fact.summary}</li>)}
                </ul>
              ) : 'Nothing reported'}
              {row.notAssessed.length > 0 ? (
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  May be understated: {[...new Set(row.notAssessed.map((gap) => `${agencyName(gap.agency)} (${humanise(gap.state).toLowerCase()})`))].join(', ')} gave no answer.
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ROLES: HouseholdRole[] = ['PARENT', 'CARER', 'PARTNER', 'SIBLING', 'CHILD', 'ALLEGED_PERPETRATOR', 'OTHER_ADULT', 'ADULT_AT_RISK'];

/** The people the agencies link to the subjects, each of whom can be added to the case. */
export function Associates({ caseId, subjects, errors, open, done }: { caseId: string; subjects: SubjectData[]; errors: ApiError[]; open: boolean; done: (message: string) => void }) {
  const already = (associate: Associate) => subjects.some((subject) => subject.familyName.toLowerCase() === associate.familyName?.toLowerCase() && subject.givenName?.toLowerCase() === associate.givenName?.toLowerCase() && subject.dateOfBirth === associate.dateOfBirth);
  const rows = subjects.flatMap((subject) => (subject.associates ?? []).filter((associate) => !already(associate)).map((associate) => ({ subject, associate })));
  const denied = errors.find((error) => error.path?.[0] === 'case' && error.path[1] === 'subjects' && error.path[3] === 'associates');
  if (rows.length === 0) return <p className="govuk-body">{denied ? `Not shared: ${denied.message}` : 'The agencies link nobody else to the people on this case.'}</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">People the agencies link to the subjects, not yet on the case</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Person</th>
          <th scope="col" className="govuk-table__header">Linked to</th>
          <th scope="col" className="govuk-table__header">How</th>
          <th scope="col" className="govuk-table__header">Add to the case</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map(({ subject, associate }) => (
          <tr className="govuk-table__row" key={`${subject.id}-${associate.agency}-${associate.recordId}`}>
            <td className="govuk-table__cell">{fullName(associate)}{associate.dateOfBirth ? `, born ${formatDate(associate.dateOfBirth)}` : ''}</td>
            <td className="govuk-table__cell">{fullName(subject)}</td>
            <td className="govuk-table__cell">{agencyName(associate.agency)}: {humanise(associate.relationship).toLowerCase()}{associate.role ? ` (${associate.role.toLowerCase()})` : ''}</td>
            <td className="govuk-table__cell">{open ? <AddAssociate caseId={caseId} associate={associate} done={done} /> : 'The case is closed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** addSubject for one associate: their place in the household, then the agencies are asked about them. */
function AddAssociate({ caseId, associate, done }: { caseId: string; associate: Associate; done: (message: string) => void }) {
  const action = useCaseAction(caseId, done);
  const [role, setRole] = useState('');
  const id = `associate-${associate.agency}-${associate.recordId}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const add = () =>
    action.submit(
      () =>
        request(CASE_VIEW_ADD_SUBJECT, {
          caseId,
          input: { householdRole: role as HouseholdRole, givenName: associate.givenName, familyName: associate.familyName ?? '', dateOfBirth: associate.dateOfBirth },
          foundAs: { agency: associate.agency, recordId: associate.recordId },
        }),
      `${fullName(associate)} added to the case`,
      role ? {} : { householdRole: `Select ${fullName(associate)}'s place in the household` },
    );
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); void add(); }}>
      <ErrorSummary errors={action.summary({ householdRole: `${id}-role`, 'subject.householdRole': `${id}-role` }, `${id}-role`)} />
      <Select
        id={`${id}-role`}
        label={<>Place in the household<span className="govuk-visually-hidden"> of {fullName(associate)}</span></>}
        value={role}
        onChange={setRole}
        error={action.errors.householdRole ?? action.errors['subject.householdRole']}
        options={[{ value: '', label: 'Select' }, ...ROLES.map((value) => ({ value, label: humanise(value) }))]}
      />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={action.pending}>
        Add as a subject<span className="govuk-visually-hidden">: {fullName(associate)}</span>
      </button>
    </form>
  );
}
