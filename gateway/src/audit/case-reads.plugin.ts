import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from '@mash/shared';
import type { GatewayContext } from '../context';
import type { AuditLog } from './audit-log';

/**
 * Writes the request's reads of the hub's case record to the access log (CASE_READ, one entry per
 * case, in one append started once the hub's fetch is done, with the agency decisions when the
 * query goes on to the agencies) and waits for it before the
 * response leaves. If that write fails, the response is replaced by an error: what cannot be
 * recorded is not shown (fail closed, as for agency fetches).
 */
export function ApolloServerPluginCaseReads(options: { audit: AuditLog; logger: Logger }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          const { reads } = contextValue;
          if (!reads) return;
          reads.requested = requestedCoordinates(schema, document);
          reads.writer = { write: (entries) => options.audit.appendMany(entries), user: contextValue.user, requestId: contextValue.requestId };
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.reads) return;
          try {
            await contextValue.reads.settle();
          } catch (error) {
            options.logger.error('audit_append_failed', { requestId: contextValue.requestId, error: (error as Error).name, sqlState: (error as { code?: string }).code ?? null });
            response.http.status = 503;
            response.body = {
              kind: 'single',
              singleResult: { errors: [{ message: 'The access log could not record this read, so nothing is shown. Try again shortly.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
            };
          }
        },
      };
    },
  };
}

/** Coordinates per parsed document: Apollo hands the same document to every request with the same text. */
const coordinatesOf = new WeakMap<DocumentNode, { schema: GraphQLSchema; coordinates: ReadonlySet<string> }>();

/** Every `Type.field` the client's document selects, through fragments and aliases (worked out once per document and schema). */
export function requestedCoordinates(schema: GraphQLSchema, document: DocumentNode): ReadonlySet<string> {
  const known = coordinatesOf.get(document);
  if (known?.schema === schema) return known.coordinates;
  const coordinates = selectedCoordinates(schema, document);
  coordinatesOf.set(document, { schema, coordinates });
  return coordinates;
}

function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent) coordinates.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return coordinates;
}
