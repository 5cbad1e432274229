import type { GraphQLDataSourceProcessOptions, LocalGraphQLDataSource } from '@apollo/gateway';
import { AGENCIES, agencyFieldName } from '@mash/shared';
import type { GatewayContext } from '../context';
import { InProcessDataSource } from '../in-process-data-source';

/** The agency fields of a subject: a query selecting any of them goes on to the agencies. */
const AGENCY_FIELDS = AGENCIES.map((agency) => `Subject.${agencyFieldName(agency)}`);

/**
 * The hub subgraph, in process. Once the hub's part of a query plan has run, the request's reads
 * of case records are complete. A query that goes on to the agencies leaves them to the
 * enforcement point, which writes them with the agency decisions in one commit (the first agency
 * fetch waits for that commit anyway); any other starts writing them now. The response waits for
 * them either way (audit/case-reads.plugin.ts writes whatever is left).
 */
export class HubDataSource extends InProcessDataSource<GatewayContext> {
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<LocalGraphQLDataSource<GatewayContext>['process']> {
    const response = await super.process(options);
    const reads = options.context.reads;
    if (reads && !AGENCY_FIELDS.some((coordinate) => reads.requested?.has(coordinate))) reads.flush();
    return response;
  }
}
