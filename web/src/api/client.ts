import type { TypedDocumentString } from '../gql/graphql';
import { session } from '../auth/session';

/** One GraphQL error as the gateway answers it: `extensions.code` is the contract's code. */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; argument?: string; rule?: string; problems?: { field: string; message: string }[]; [key: string]: unknown };
}

/** The whole answer: data may be partial (an agency denied or down) with errors naming the paths. */
export interface ApiResult<T> {
  data: T | null;
  errors: ApiError[];
}

/** A request that failed as a whole (no data at all): not signed in, bad input, the gateway down. */
export class ApiRequestError extends Error {
  constructor(readonly errors: ApiError[], readonly status: number) {
    super(errors.map((error) => error.message).join('; ') || `The hub answered ${status}`);
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * Sends one typed operation to the gateway's public API (/graphql) with the signed-in user's token.
 * Partial answers are returned with their errors; an answer with no data throws ApiRequestError.
 * UNAUTHENTICATED ends the session (the token expired or was revoked) and sends the user to sign in.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<ApiResult<TResult>> {
  const token = session.token();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiRequestError([{ message: 'The hub could not be reached. Check your connection and try again.', extensions: { code: 'NETWORK' } }], 0);
  }
  let body: { data?: TResult | null; errors?: ApiError[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiRequestError([{ message: `The hub answered ${response.status} without a readable body. Try again.` }], response.status);
  }
  const errors = body.errors ?? [];
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
    session.expired();
    throw new ApiRequestError(errors, response.status);
  }
  if (body.data === undefined || body.data === null) throw new ApiRequestError(errors, response.status);
  return { data: body.data, errors };
}

/** Errors of a partial answer at or under `path` (e.g. ['case', 'subjects', 0, 'police']). */
export function errorsAt(errors: ApiError[], path: (string | number)[]): ApiError[] {
  return errors.filter((error) => error.path && path.every((part, index) => error.path![index] === part));
}

/**
 * Field messages of a BAD_USER_INPUT error, keyed by the input path the API names
 * (`extensions.problems[].field`, e.g. "subjects[0].nhsNumber", or `extensions.field` /
 * `extensions.argument`); the whole message under "" when it names no field.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  const out: Record<string, string> = {};
  for (const item of error.errors) {
    if (item.extensions?.code !== 'BAD_USER_INPUT') continue;
    const problems = item.extensions.problems;
    const named = item.extensions.field ?? item.extensions.argument;
    if (Array.isArray(problems) && problems.length > 0) for (const { field, message } of problems) out[field] ??= message;
    else if (typeof named === 'string') out[named] ??= item.message;
    else out[''] ??= item.message;
  }
  return out;
}
