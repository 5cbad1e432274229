import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';

/**
 * An `operationName` that names no operation of the document, or a document of several
 * operations with none named, is the client's mistake: HTTP 400 BAD_REQUEST. Left alone, the
 * gateway's executor answers it with HTTP 500.
 */
export function ApolloServerPluginOperationResolution(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) return;
          const names = document.definitions.flatMap((definition) =>
            definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(unnamed)'] : [],
          );
          const message = request.operationName
            ? `operationName "${request.operationName.slice(0, 100)}" names no operation in this document; it has ${names.join(', ')}.`
            : `This document has ${names.length} operations (${names.join(', ')}); say which to run with operationName.`;
          throw new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        },
      };
    },
  };
}
