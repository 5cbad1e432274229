import type { ReactNode } from 'react';
import type { FlagSeverity, RiskLevel } from '../../gql/graphql';
import { formatDate, humanise } from '../../components/format';
import type { FlagData } from './model';

const SEVERITY_TAG: Record<FlagSeverity, { colour: string; word: string }> = {
  RED: { colour: 'red', word: 'Red' },
  AMBER: { colour: 'orange', word: 'Amber' },
  GREEN: { colour: 'green', word: 'Green' },
};

/** A flag's suggested weight in words on a coloured tag (the colour is never the only cue). */
export function SeverityTag({ severity }: { severity: FlagSeverity }) {
  const { colour, word } = SEVERITY_TAG[severity];
  return <strong className={`govuk-tag govuk-tag--${colour} app-case-tag`}>{word}</strong>;
}

const LEVEL_COLOUR: Record<RiskLevel, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'green', NONE_KNOWN: 'grey' };

export function LevelTag({ level }: { level: RiskLevel }) {
  return <strong className={`govuk-tag govuk-tag--${LEVEL_COLOUR[level]} app-case-tag`}>{humanise(level)}</strong>;
}

export type Row = [key: string, value: ReactNode];

/** A GOV.UK summary list; rows whose value is null or undefined are left out. */
export function SummaryRows({ rows, className }: { rows: Row[]; className?: string }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className={`govuk-summary-list${className ? ` ${className}` : ''}`}>
      {shown.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An agency's flags, most severe first, each with its severity in words and the date behind it. */
export function FlagList({ flags, label }: { flags: FlagData[]; label: string }) {
  if (flags.length === 0) return <p className="govuk-body">No flags raised.</p>;
  return (
    <ul className="govuk-list app-case-flags" aria-label={label}>
      {flags.map((flag) => (
        <li key={flag.code + flag.summary}>
          <SeverityTag severity={flag.severity} /> {flag.summary}
          {flag.date ? <span className="govuk-hint app-case-inline-hint"> (latest {formatDate(flag.date)})</span> : null}
        </li>
      ))}
    </ul>
  );
}

export const yesNo = (value: boolean | null | undefined): string | null => (value === null || value === undefined ? null : value ? 'Yes' : 'No');

/** Enum values as words, joined; null for an empty or missing list. */
export const words = (values: readonly string[] | null | undefined): string | null => (values && values.length > 0 ? values.map(humanise).join(', ') : null);
