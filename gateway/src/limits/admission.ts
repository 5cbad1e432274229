import { HeaderMap } from '@apollo/server';
import type { AuthenticatedUser } from '../auth/user';
import { limitError, tooManyTokens } from './armor';
import type { RequestLimits } from './limits';
import type { RateLimiter } from './rate-limit';
import { recordRefusal, type RefusalTarget } from './refusal';

export interface Admission extends RefusalTarget {
  limits: RequestLimits;
  limiter: RateLimiter;
}

/**
 * Checks a request as its context is built, before Apollo parses it: the user's rate, then the
 * size of the query text. A refusal is recorded once and thrown (Apollo answers it as is).
 */
export async function admit(admission: Admission, request: { requestId: string; user: AuthenticatedUser }, query: unknown): Promise<void> {
  const { limits } = admission;
  const rate = admission.limiter.take(request.user.id);
  if (!rate.allowed) {
    const sentence = `you sent more than ${limits.ratePerMinute} requests in a minute; wait ${rate.retryAfterSeconds} s`;
    // Only the first refusal of a burst is recorded: a flood must not become a flood of log writes.
    if (rate.first) await recordRefusal(admission, request, 'ratePerMinute', sentence);
    throw limitError('ratePerMinute', sentence, { status: 429, headers: new HeaderMap([['retry-after', String(rate.retryAfterSeconds)]]) });
  }
  if (typeof query === 'string' && tooManyTokens(query, limits.maxTokens)) {
    const sentence = `the query has more than ${limits.maxTokens} tokens`;
    await recordRefusal(admission, request, 'maxTokens', sentence);
    throw limitError('maxTokens', sentence);
  }
}
