/** A GraphQL error as it arrives on the wire. */
export interface WireError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; [key: string]: unknown };
}

export interface AgencyResponse {
  status: number;
  /** The body exactly as sent, for byte comparison with the fixed refusal. */
  text: string;
  /** The body as JSON, or undefined when it is not JSON. */
  body?: { data?: any; errors?: WireError[] };
  /** The Cache-Control header as sent, or null. */
  cacheControl: string | null;
}

export interface AgencyClientOptions {
  /** The agency's `/graphql` address. */
  url: string;
  /** Longest wait for one answer. Default 15 s. */
  timeoutMs?: number;
}

/**
 * Talks to the agency under test over HTTP, as the gateway does, and keeps every GraphQL error it
 * was sent so the last check can hold them all to the contract's codes.
 */
export class AgencyClient {
  readonly url: string;
  readonly errors: WireError[] = [];
  private readonly timeoutMs: number;

  constructor(options: AgencyClientOptions) {
    this.url = options.url;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** POSTs a GraphQL request, with `Authorization: Bearer <grant>` when a grant is given. */
  post(request: { query: string; variables?: Record<string, unknown> }, grant?: string): Promise<AgencyResponse> {
    return this.send(this.url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(grant) }, body: JSON.stringify(request) });
  }

  /** GETs a GraphQL request in the query string (the gateway never does; an agency must refuse it). */
  get(request: { query: string; variables?: Record<string, unknown> }, grant?: string): Promise<AgencyResponse> {
    const url = new URL(this.url);
    url.searchParams.set('query', request.query);
    if (request.variables) url.searchParams.set('variables', JSON.stringify(request.variables));
    // Apollo's CSRF protection wants a non-simple header on GET; sent so only the grant can refuse.
    return this.send(url.toString(), { method: 'GET', headers: { 'apollo-require-preflight': 'true', ...bearer(grant) } });
  }

  private async send(url: string, init: RequestInit): Promise<AgencyResponse> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'manual' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`no answer from ${this.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const text = await response.text();
    let body: AgencyResponse['body'];
    try {
      body = JSON.parse(text) as AgencyResponse['body'];
    } catch {
      body = undefined;
    }
    if (Array.isArray(body?.errors)) this.errors.push(...body.errors);
    return { status: response.status, text, body, cacheControl: response.headers.get('cache-control') };
  }
}

function bearer(grant: string | undefined): Record<string, string> {
  return grant === undefined ? {} : { authorization: `Bearer ${grant}` };
}
