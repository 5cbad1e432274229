import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { ServiceMetrics } from './metrics';

/**
 * Counts, times and classifies every GraphQL request by operation name: `unknown` until the
 * operation is parsed and validated against the schema (so a junk request never adds a name),
 * `anonymous` without a name, within the cap after that. Errors count once per code per response.
 */
export function ApolloServerPluginMetrics<TContext extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    async contextCreationDidFail({ error }) {
      // The request failed before it was a GraphQL request (the gateway's user token, admission).
      const extensions = (error as { extensions?: { code?: unknown; http?: { status?: number } } }).extensions;
      metrics.graphqlRequests.inc({ operation: 'unknown', status: String(extensions?.http?.status ?? 500) });
      metrics.graphqlErrors.inc({ operation: 'unknown', code: metrics.errorCode(extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
    },
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let operation = 'unknown';
      return {
        async didResolveOperation(context) {
          operation = metrics.operation(context.operationName ?? context.operation?.name?.value ?? null);
        },
        async willSendResponse(context) {
          end({ operation });
          metrics.graphqlRequests.inc({ operation, status: String(context.response.http.status ?? 200) });
          for (const code of errorCodes(context)) metrics.graphqlErrors.inc({ operation, code: metrics.errorCode(code) });
        },
      };
    },
  };
}

function errorCodes<TContext extends BaseContext>(context: GraphQLRequestContextWillSendResponse<TContext>): Set<string> {
  const body = context.response.body;
  const errors: readonly GraphQLFormattedError[] = body.kind === 'single' ? (body.singleResult.errors ?? []) : (body.initialResult.errors ?? []);
  return new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')));
}
