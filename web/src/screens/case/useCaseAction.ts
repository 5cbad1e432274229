import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiRequestError, fieldErrors } from '../../api/client';
import type { ErrorItem } from '../../components/govuk';

/** Every message of a refused change: BAD_USER_INPUT by the input field it names, anything else under "". */
function messagesOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return { '': error instanceof Error ? error.message : 'Something went wrong. Try again.' };
  const out = fieldErrors(error);
  for (const item of error.errors) if (item.extensions?.code !== 'BAD_USER_INPUT') out[''] ??= item.message;
  if (Object.keys(out).length === 0) out[''] = error.message;
  return out;
}

/**
 * A message as a sentence the user can read alone: the API words some as the end of one ("is before
 * the case was received"), which get the field's label in front; others only want a capital letter.
 */
function sentence(message: string, label: string | undefined): string {
  if (label && /^(is|are|must|has|was|cannot)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export interface CaseAction {
  /** Messages by API input field ("" for the form as a whole). */
  errors: Record<string, string>;
  pending: boolean;
  /**
   * Runs a change: `checks` first (the few the browser can make, mirroring the API's), then the
   * mutation; on success the case is fetched again and `done` says what changed.
   */
  submit(run: () => Promise<unknown>, success: string, checks?: Record<string, string>): Promise<boolean>;
  /** The error summary's items: each message linked to its field's id (unknown fields to `fallback`). */
  summary(ids: Record<string, string>, fallback: string): ErrorItem[];
}

/** One action form on the case: its errors, whether it is sending, and what happens after; `labels` names the fields in messages. */
export function useCaseAction(caseId: string, done: (message: string) => void, labels: Record<string, string> = {}): CaseAction {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  return {
    errors,
    pending,
    async submit(run, success, checks = {}) {
      if (Object.keys(checks).length > 0) {
        setErrors(checks);
        return false;
      }
      setPending(true);
      try {
        await run();
        setErrors({});
        await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
        void queryClient.invalidateQueries({ queryKey: ['queue'] });
        done(success);
        return true;
      } catch (error) {
        setErrors(Object.fromEntries(Object.entries(messagesOf(error)).map(([field, message]) => [field, sentence(message, labels[field])])));
        return false;
      } finally {
        setPending(false);
      }
    },
    summary(ids, fallback) {
      return Object.entries(errors).map(([field, text]) => ({ href: ids[field] ?? fallback, text }));
    },
  };
}
