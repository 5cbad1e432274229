import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ApiRequestError } from '../api/client';

/** Sets the tab's title the GOV.UK way: "Page – Service". Errors first, so screen readers hear them. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – MASH information sharing`;
  }, [title, hasErrors]);
}

export interface ErrorItem {
  /** The id of the input the message is about (the link moves focus there). */
  href: string;
  text: string;
}

/** GOV.UK error summary: focused when it appears, each message a link to its field. */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: ErrorItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((error) => error.href + error.text).join('|');
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [key, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href + error.text}>
                <a
                  href={`#${error.href}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(error.href);
                    target?.focus();
                    target?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Label as the page heading (a one-question page). */
  isPageHeading?: boolean;
  className?: string;
}

function FieldGroup({ id, error, children }: { id: string; error?: string | null; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={`${id}-group`}>{children}</div>;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? <div id={`${id}-hint`} className="govuk-hint">{hint}</div> : null;
}

function FieldError({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

const describedBy = (id: string, hint?: ReactNode, error?: string | null) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export function TextInput({ id, label, hint, error, className, inputMode, autoComplete, type = 'text', value, onChange, onBlur, spellCheck }: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete?: string;
  spellCheck?: boolean;
}) {
  return (
    <FieldGroup id={id} error={error}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <input
        id={id}
        name={id}
        type={type}
        className={`govuk-input${className ? ` ${className}` : ''}${error ? ' govuk-input--error' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldGroup>
  );
}

export function Textarea({ id, label, hint, error, value, onChange, rows = 4 }: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <FieldGroup id={id} error={error}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldGroup>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select({ id, label, hint, error, value, onChange, options }: FieldProps & { value: string; onChange: (value: string) => void; options: Option[] }) {
  return (
    <FieldGroup id={id} error={error}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <select
        id={id}
        name={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldGroup>
  );
}

/** Radios in a fieldset with a legend; the first radio carries `id` so an error summary link lands on it. */
export function Radios({ id, label, hint, error, value, onChange, options, inline }: FieldProps & { value: string; onChange: (value: string) => void; options: Option[]; inline?: boolean }) {
  const name = useId();
  return (
    <FieldGroup id={id} error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <Hint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        <div className={`govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((option, index) => (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={index === 0 ? id : `${id}-${option.value}`}
                name={name}
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-invalid={error ? true : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </FieldGroup>
  );
}

/** RAG rating as a GOV.UK tag; the words are always there (colour is never the only cue). */
export function RagTag({ rag }: { rag: string | null | undefined }) {
  const colour = rag === 'RED' ? 'red' : rag === 'AMBER' ? 'orange' : rag === 'GREEN' ? 'green' : 'grey';
  return <strong className={`govuk-tag govuk-tag--${colour}`}>{rag ?? 'Not rated'}</strong>;
}

export function Loading({ what }: { what: string }) {
  return <p className="govuk-body" role="status" aria-live="polite">Loading {what}…</p>;
}

/** A request that failed as a whole, in words, with a way to try again. */
export function ApiErrorPanel({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof ApiRequestError || error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div className="govuk-notification-banner govuk-notification-banner--error" role="alert" aria-labelledby="api-error-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="api-error-title">The hub could not answer</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-body">{message}</p>
        {retry ? <button type="button" className="govuk-button govuk-button--secondary" onClick={retry}>Try again</button> : null}
      </div>
    </div>
  );
}

/** A success message after an action (GOV.UK notification banner, success variant). */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="success-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">Success</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <h3 className="govuk-notification-banner__heading">{title}</h3>
        {children}
      </div>
    </div>
  );
}
