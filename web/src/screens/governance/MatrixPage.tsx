import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { ErrorSummary, Loading, Select } from '../../components/govuk';
import { humanise } from '../../components/format';
import { graphql } from '../../gql';
import type { AccessMatrixCaseStatus, AccessMatrixRating, GovernanceAccessMatrixQuery } from '../../gql/graphql';
import { ConsolePart } from './GovernancePage';
import { VERSIONS, VERSIONS_KEY } from './queries';
import { Id, inputProblems, isBadInput, QueryFailure } from './shared';

const MATRIX = graphql(`
  query GovernanceAccessMatrix($version: String, $rag: [AccessMatrixRating!], $caseStatus: [AccessMatrixCaseStatus!]) {
    accessMatrix(version: $version, rag: $rag, caseStatus: $caseStatus) {
      role agency rag caseStatus allowed rule reason lawfulBasis obligations
      levels { level allowed rule reason releasedBy }
    }
  }
`);

type MatrixRow = GovernanceAccessMatrixQuery['accessMatrix'][number];

export const AGENCY_LABELS: Record<string, string> = { police: 'Police', 'social-care': 'Social care', health: 'Health', education: 'Education' };

const RATINGS: { value: AccessMatrixRating; label: string }[] = [
  { value: 'RED', label: 'RED' },
  { value: 'AMBER', label: 'AMBER' },
  { value: 'GREEN', label: 'GREEN' },
  { value: 'UNRATED', label: 'Not rated yet' },
];

const STATUSES: { value: AccessMatrixCaseStatus; label: string }[] = [
  { value: 'OPEN', label: 'Open' },
  { value: 'CLOSED_WITHIN_WINDOW', label: 'Closed, within the closed-case window' },
  { value: 'CLOSED_AFTER_WINDOW', label: 'Closed, after the closed-case window' },
];

const FIELDS = { version: { id: 'matrix-version', label: 'Version' } };

const unique = (values: string[]) => [...new Set(values)];

function SharingTable({ rows, roles, agencies, caption }: { rows: MatrixRow[]; roles: string[]; agencies: string[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Role</th>
          {agencies.map((agency) => <th scope="col" className="govuk-table__header" key={agency}>{AGENCY_LABELS[agency] ?? agency}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {roles.map((role) => (
          <tr className="govuk-table__row" key={role}>
            <th scope="row" className="govuk-table__header">{role}</th>
            {agencies.map((agency) => {
              const cell = rows.find((row) => row.role === role && row.agency === agency);
              return (
                <td className={`govuk-table__cell ${cell?.allowed ? 'app-gov-cell--shared' : 'app-gov-cell--withheld'}`} key={agency}>
                  <strong>{cell?.allowed ? 'Shared' : 'Not shared'}</strong>
                  {cell ? <span className="app-gov-secondary">Rule <Id>{cell.rule}</Id></span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LevelTable({ role, rows, agencies }: { role: string; rows: MatrixRow[]; agencies: string[] }) {
  const levels = unique(rows.flatMap((row) => row.levels.map((level) => level.level)));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Sensitivity levels released to {role}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Level</th>
          {agencies.map((agency) => <th scope="col" className="govuk-table__header" key={agency}>{AGENCY_LABELS[agency] ?? agency}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {levels.map((name) => (
          <tr className="govuk-table__row" key={name}>
            <th scope="row" className="govuk-table__header">{humanise(name)}</th>
            {agencies.map((agency) => {
              const level = rows.find((row) => row.agency === agency)?.levels.find((item) => item.level === name);
              return (
                <td className={`govuk-table__cell ${level?.allowed ? 'app-gov-cell--shared' : 'app-gov-cell--withheld'}`} key={agency}>
                  <strong>{level?.allowed ? 'Released' : 'Withheld'}</strong>
                  {level ? <span className="app-gov-secondary"><Id>{level.allowed && level.releasedBy.length > 0 ? level.releasedBy.join(', ') : level.rule}</Id></span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each deciding rule once, with the sentence a user in such a cell reads. */
function RuleLegend({ rows }: { rows: MatrixRow[] }) {
  const sentences = new Map<string, string>();
  for (const row of rows) {
    if (!sentences.has(row.rule)) sentences.set(row.rule, row.reason);
    for (const level of row.levels) if (!sentences.has(level.rule)) sentences.set(level.rule, level.reason);
  }
  const bases = unique(rows.filter((row) => row.allowed && row.lawfulBasis).map((row) => `${AGENCY_LABELS[row.agency] ?? row.agency}: ${row.lawfulBasis}`));
  return (
    <>
      <h2 className="govuk-heading-m">The rules that decide these cells</h2>
      <dl className="govuk-summary-list">
        {[...sentences].map(([rule, sentence]) => (
          <div className="govuk-summary-list__row" key={rule}>
            <dt className="govuk-summary-list__key"><Id>{rule}</Id></dt>
            <dd className="govuk-summary-list__value">{sentence}</dd>
          </div>
        ))}
      </dl>
      {bases.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Lawful basis where shared</h2>
          <ul className="govuk-list govuk-list--bullet">{bases.map((basis) => <li key={basis}>{basis}</li>)}</ul>
        </>
      ) : null}
    </>
  );
}

function Matrix({ rows, caption }: { rows: MatrixRow[]; caption: string }) {
  const roles = unique(rows.map((row) => row.role));
  const agencies = unique(rows.map((row) => row.agency));
  const sharing = roles.filter((role) => rows.some((row) => row.role === role && row.allowed));
  const none = roles.filter((role) => !sharing.includes(role));
  return (
    <>
      <SharingTable rows={rows} roles={roles} agencies={agencies} caption={caption} />
      <h2 className="govuk-heading-m">Sensitivity levels</h2>
      {sharing.map((role) => <LevelTable key={role} role={role} rows={rows.filter((row) => row.role === role)} agencies={agencies} />)}
      {none.length > 0 ? <p className="govuk-body">No agency releases any level to {none.join(', ')}: the whole fetch is refused.</p> : null}
      <RuleLegend rows={rows} />
    </>
  );
}

/** Which role sees which agency, and which levels of its fields, for a rating and case status. */
export function MatrixPage() {
  const [params, setParams] = useSearchParams();
  const version = params.get('version') ?? '';
  const rag = (RATINGS.find((item) => item.value === params.get('rag')) ?? RATINGS[0]).value;
  const status = (STATUSES.find((item) => item.value === params.get('status')) ?? STATUSES[0]).value;
  const [choice, setChoice] = useState<{ version: string; rag: string; status: string } | null>(null);
  const shown = choice ?? { version, rag, status };
  const versions = useQuery({ queryKey: VERSIONS_KEY, queryFn: () => request(VERSIONS) });
  const matrix = useQuery({
    queryKey: ['governance', 'matrix', version, rag, status],
    queryFn: () => request(MATRIX, { version: version || null, rag: [rag], caseStatus: [status] }),
  });
  const problems = inputProblems(matrix.error, FIELDS, FIELDS.version.id);
  const versionOptions = [
    { value: '', label: 'The version in force' },
    ...(versions.data?.data?.isaPolicyVersions ?? []).map((item) => ({ value: item.version, label: `${item.version} (${humanise(item.status).toLowerCase()})` })),
  ];
  const ratingLabel = rag === 'UNRATED' ? 'not rated yet' : `rated ${rag}`;
  const statusLabel = STATUSES.find((item) => item.value === status)!.label.toLowerCase();
  const caption = `Agency data for a case ${ratingLabel}, ${statusLabel}, under ${version ? `version ${version}` : 'the version in force'}`;

  const show = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries({ version: shown.version, rag: shown.rag, status: shown.status }).filter(([, value]) => value !== '')));
    setChoice(null);
  };

  return (
    <ConsolePart title="Access matrix" hasErrors={problems.summary.length > 0}>
      <p className="govuk-body">What the agreement lets each role see, worked out by the decision point the gateway enforces with. Shared cells are also tinted; the words say the same.</p>
      <ErrorSummary errors={problems.summary} />
      <form onSubmit={show} noValidate>
        <div className="app-gov-filters">
          <Select id={FIELDS.version.id} label="Version" value={shown.version} onChange={(value) => setChoice({ ...shown, version: value })} options={versionOptions} error={problems.summary[0]?.text} />
          <Select id="matrix-rag" label="Rating" value={shown.rag} onChange={(value) => setChoice({ ...shown, rag: value })} options={RATINGS} />
          <Select id="matrix-status" label="Case status" value={shown.status} onChange={(value) => setChoice({ ...shown, status: value })} options={STATUSES} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">Show the matrix</button>
      </form>
      {matrix.isPending ? <Loading what="the access matrix" /> : null}
      {matrix.isError && !isBadInput(matrix.error) ? <QueryFailure error={matrix.error} retry={() => matrix.refetch()} /> : null}
      {matrix.data?.data ? <Matrix rows={matrix.data.data.accessMatrix} caption={caption} /> : null}
    </ConsolePart>
  );
}
