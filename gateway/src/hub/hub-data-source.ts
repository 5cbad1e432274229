import type { GraphQLDataSourceProcessOptions, LocalGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context';
import { InProcessDataSource } from '../in-process-data-source';

/**
 * The hub subgraph, in process. Once the hub's part of a query plan has run, the request's reads
 * of case records are complete, and their CASE_READ entries start being written while the agency
 * fetches go out; the response still waits for them (audit/case-reads.plugin.ts).
 */
export class HubDataSource extends InProcessDataSource<GatewayContext> {
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<LocalGraphQLDataSource<GatewayContext>['process']> {
    const response = await super.process(options);
    options.context.reads?.flush();
    return response;
  }
}
