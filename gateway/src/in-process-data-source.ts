import { LocalGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { execute, parse, validate, type DocumentNode } from 'graphql';

/** Operation texts kept parsed and validated: the query planner sends one text per fetch of a plan. */
const CACHE_SIZE = 500;

/**
 * An in-process subgraph (the hub, the case picture). Apollo's LocalGraphQLDataSource parses and
 * validates the operation on every fetch, which was about 4% of the gateway's CPU under `npm run
 * load`; here each text the planner sends is parsed and validated once. A text that does not parse
 * or validate is not kept and is answered as Apollo answers it, with its errors.
 */
export class InProcessDataSource<TContext extends Record<string, any> = Record<string, any>> extends LocalGraphQLDataSource<TContext> {
  private readonly documents = new Map<string, DocumentNode>();

  override async process(options: GraphQLDataSourceProcessOptions<TContext>): ReturnType<LocalGraphQLDataSource<TContext>['process']> {
    const { request, context } = options;
    const document = request.query === undefined ? undefined : this.validated(request.query);
    if (!document) return super.process(options);
    return execute({ schema: this.schema, document, variableValues: request.variables, operationName: request.operationName, contextValue: context });
  }

  private validated(query: string): DocumentNode | undefined {
    const known = this.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return undefined;
    }
    if (validate(this.schema, document).length > 0) return undefined;
    if (this.documents.size >= CACHE_SIZE) this.documents.delete(this.documents.keys().next().value as string);
    this.documents.set(query, document);
    return document;
  }
}
