import type { ApolloServer } from '@apollo/server';
import type { AuthenticatedUser } from '../auth/user';
import type { GatewayContext } from '../context';

/** A GraphQL answer as the gateway gives it to a client. */
export interface FederatedResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Runs an operation through the gateway's own executor as `as.user`: the query planner, the
 * enforcement point (decided, granted, audited) and the access log, exactly as if that user had
 * sent it, under `as.purpose` when given (default MASH_TRIAGE). The hub uses it where it must ask agencies something on a user's behalf (the school
 * and GP of a child for an onward notification), so there is no second path to agency data.
 */
export type FederatedExecutor = (operation: { query: string; variables?: Record<string, unknown> }, as: { user: AuthenticatedUser; requestId: string; purpose?: string }) => Promise<FederatedResult>;

/** The executor of a started gateway; `contextFor` builds a request context as the HTTP path does. */
export function federatedExecutor(server: ApolloServer<GatewayContext>, contextFor: (user: AuthenticatedUser, requestId: string) => GatewayContext): FederatedExecutor {
  return async (operation, as) => {
    // The purpose (an onward-notification look-up) is set here only, never from an HTTP request.
    const context = contextFor(as.user, as.requestId);
    if (as.purpose) context.purpose = as.purpose;
    const response = await server.executeOperation(operation, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('federated executor: an incremental answer was not expected');
    return response.body.singleResult as FederatedResult;
  };
}
