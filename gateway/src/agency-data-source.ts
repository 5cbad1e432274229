import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { AgencyName, Logger } from '@mash/shared';
import type { GatewayContext } from './context';

export interface AgencyDataSourceOptions {
  agency: AgencyName;
  url: string;
  timeoutMs: number;
  logger: Logger;
}

/**
 * The gateway's only way to an agency. A fetch that fails or exceeds the timeout becomes
 * AGENCY_UNAVAILABLE for that agency's fields; the rest of the view still arrives.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly agency: AgencyName;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(options: AgencyDataSourceOptions) {
    super({ url: options.url });
    this.agency = options.agency;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
    const fetcher = this.fetcher;
    this.fetcher = (input, init) => fetcher(input, { ...init, signal: AbortSignal.timeout(this.timeoutMs) } as typeof init);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'ISA_DENIED') throw error;
      this.logger.warn('agency_unavailable', {
        agency: this.agency,
        requestId: 'context' in options ? options.context.requestId : undefined,
        error: (error as Error).name,
      });
      throw new GraphQLError(`${this.agency} did not answer in time or failed; its information is unavailable for now. Try again shortly.`, {
        extensions: { code: 'AGENCY_UNAVAILABLE', agency: this.agency },
      });
    }
  }
}
