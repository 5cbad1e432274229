import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { GraphQLError } from 'graphql';
import { agencyFieldName, REQUEST_ID_HEADER, type AgencyName, type Dispatcher, type Logger } from '@mash/shared';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics/gateway-metrics';
import type { CaseGroup, EnforcementPoint } from './enforcement/enforcement-point';
import { withheldOccurrences, type PrunedOperation } from './enforcement/field-withholding';
import { requestedFields } from './enforcement/requested-fields';
import { tracedEnforcement, tracedRequest } from './enforcement/tracing';
import { agencyFetcher } from './agency-fetcher';
import { recordOutcome } from './picture/answers';
import type { AgencyField } from './picture/sdl';
import { BUILT_IN_RULES } from './policy/policy-document';


type Response = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type ResponseError = NonNullable<Response['errors']>[number];

export interface AgencyDataSourceOptions {
  agency: AgencyName;
  url: string;
  timeoutMs: number;
  logger: Logger;
  enforcement: EnforcementPoint;
  /** TLS towards the agency (trusted CA, client certificate): `agencyDispatcher`. Default Node's fetch defaults. */
  dispatcher?: Dispatcher;
  /** Counts each case group's outcome and times each request to the agency; nothing counted when absent. */
  metrics?: GatewayMetrics;
}

/**
 * The gateway's only way to an agency, and so where the sharing agreement is enforced: whatever
 * shape the client's query had (aliases, fragments, many cases at once), the planner's fetch to
 * the agency passes here. Subjects are grouped by case, each group decided and audited, and only
 * allowed groups are sent, each with its own grant. Each group's operation is cut to the fields its
 * release of field sensitivities allows (the agency is never asked for the rest), and each cut
 * field comes back as null with ISA_DENIED on its path. A failing or slow agency becomes
 * AGENCY_UNAVAILABLE for its fields; the rest of the view still arrives.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly options: AgencyDataSourceOptions;

  constructor(options: AgencyDataSourceOptions) {
    super({ url: options.url });
    this.options = options;
    // undici's request, not make-fetch-happen (16% of the gateway's CPU under load) nor fetch (agency-fetcher.ts).
    this.fetcher = agencyFetcher({ timeoutMs: options.timeoutMs, dispatcher: options.dispatcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      throw new Error(`${this.options.agency}: only triage fetches are sent to agencies (no health checks or schema loading)`);
    }
    const { agency, enforcement, metrics } = this.options;
    const { request } = options;
    const context = options.context as GatewayContext;
    const fields = requestedFields(request.query ?? '');
    const representations = request.variables?.representations;
    if (!Array.isArray(representations)) {
      const group = await tracedEnforcement(agency, context, 0, () => enforcement.authoriseDisclosureRead(agency, context, fields));
      if (!group.grant) {
        metrics?.fetched(agency, 'denied', group.decision.rule);
        throw new GraphQLError(group.decision.reason, { extensions: { code: 'FORBIDDEN', rule: group.decision.rule } });
      }
      return this.timedSend(group, () => tracedRequest(agency, context, group, () => this.send(options, group.grant!, request.variables)));
    }
    const subjectIds = representations.map((representation: { id?: unknown }) => String(representation?.id ?? ''));
    const groups = await tracedEnforcement(agency, context, subjectIds.length, () => enforcement.authoriseEntities(agency, context, subjectIds, fields, representations));
    const entities: unknown[] = new Array(representations.length).fill(null);
    const errors: ResponseError[] = [];
    // The case picture tells "denied" and "did not answer" apart from "not known": say which. A
    // subject with no answer is the Subject with this agency's field null (not a null entity), so
    // the rest of the subject, and what the picture requires of it, survives.
    const field = agencyFieldName(agency) as AgencyField;
    const noAnswer = () => ({ __typename: 'Subject', [field]: null });
    await Promise.all(
      groups.map(async (group) => {
        if (!group.grant) {
          metrics?.fetched(agency, 'denied', group.decision.rule);
          recordOutcome(context, field, group.subjectIds, { state: 'DENIED', code: 'ISA_DENIED' });
          errors.push(...group.indexes.map((index) => denied(group, index, agency)));
          group.indexes.forEach((index) => (entities[index] = noAnswer()));
          return;
        }
        // One request per case group, so groups released different levels are each cut their own way.
        const pruned = group.release ? enforcement.fields.prune(request.query ?? '', group.release.levels) : undefined;
        let response: Response;
        try {
          response = await this.timedSend(group, () => tracedRequest(agency, context, group, () => this.send(options, group.grant!, {
            ...request.variables,
            representations: group.indexes.map((index) => representations[index]),
          }, pruned?.query)));
        } catch (error) {
          recordOutcome(context, field, group.subjectIds, { state: 'UNAVAILABLE', code: 'AGENCY_UNAVAILABLE' });
          const unavailable = error as GraphQLError;
          group.indexes.forEach((index) => {
            entities[index] = noAnswer();
            errors.push({ message: unavailable.message, path: ['_entities', index], extensions: { ...unavailable.extensions } } as unknown as ResponseError);
          });
          return;
        }
        const answered = (response.data?._entities as unknown[] | undefined) ?? [];
        group.indexes.forEach((index, position) => (entities[index] = answered[position] ?? noAnswer()));
        if (pruned?.withheld.length) errors.push(...withheldErrors(group, pruned, entities, request.variables, agency));
        for (const error of response.errors ?? []) {
          const moved = reindexed(error, group.indexes);
          metrics?.answerError(agency, error.extensions?.code);
          errors.push(moved);
          const index = moved.path?.[1];
          if (typeof index === 'number' && subjectIds[index]) {
            recordOutcome(context, field, [subjectIds[index]], { state: 'UNAVAILABLE', code: String(error.extensions?.code ?? 'AGENCY_UNAVAILABLE') });
          }
        }
      }),
    );
    return { data: { _entities: entities }, errors: errors.length > 0 ? errors : undefined } as Response;
  }

  /** `send`, counted as the group's outcome (allowed: answered, or unavailable by code) and timed. */
  private async timedSend(group: CaseGroup, send: () => Promise<Response>): Promise<Response> {
    const { agency, metrics } = this.options;
    const end = metrics?.agencyRequest(agency);
    try {
      const response = await send();
      end?.('allowed');
      metrics?.fetched(agency, 'allowed', group.decision.rule);
      return response;
    } catch (error) {
      end?.('unavailable');
      metrics?.fetched(agency, 'unavailable', String((error as GraphQLError).extensions?.code ?? 'AGENCY_UNAVAILABLE'));
      throw error;
    }
  }

  /** One request to the agency carrying one grant; failures and timeouts become AGENCY_UNAVAILABLE. */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, grant: string, variables: Record<string, unknown> | undefined, query = options.request.query): Promise<Response> {
    const request = { ...options.request, query, variables, http: { method: 'POST', url: this.url, headers: new Headers({ authorization: `Bearer ${grant}`, [REQUEST_ID_HEADER]: (options.context as GatewayContext).requestId }) } };
    try {
      return await super.process({ ...options, request } as GraphQLDataSourceProcessOptions<GatewayContext>);
    } catch (error) {
      this.options.logger.warn('agency_unavailable', { agency: this.options.agency, requestId: (options.context as GatewayContext).requestId, error: (error as Error).name });
      throw new GraphQLError(`${this.options.agency} did not answer in time or failed; its information is unavailable for now. Try again shortly.`, {
        extensions: { code: 'AGENCY_UNAVAILABLE', agency: this.options.agency },
      });
    }
  }
}

function denied(group: CaseGroup, index: number, agency: AgencyName): ResponseError {
  return {
    message: group.decision.reason,
    path: ['_entities', index],
    extensions: { code: 'ISA_DENIED', agency, rule: group.decision.rule, policyVersion: group.decision.policyVersion },
  } as unknown as ResponseError;
}

/**
 * One ISA_DENIED error per place a withheld field would have been answered (a list's every item),
 * on that place's path, the field set to null there; the gateway maps `_entities` paths to the
 * client's. Nothing for a subject whose view did not come back (its own error says why).
 */
function withheldErrors(group: CaseGroup, pruned: PrunedOperation, entities: unknown[], variables: Record<string, unknown> | undefined, agency: AgencyName): ResponseError[] {
  const errors: ResponseError[] = [];
  const seen = new Set<string>();
  for (const index of group.indexes) {
    for (const selection of pruned.withheld) {
      const denial = group.release?.denials[selection.level];
      for (const path of withheldOccurrences(entities[index], selection, variables)) {
        const key = path.join('.');
        if (seen.has(`${index}:${key}`)) continue;
        seen.add(`${index}:${key}`);
        errors.push({
          message: denial?.reason ?? `The sharing agreement does not release ${selection.level} fields (rule ${BUILT_IN_RULES.classificationWithheld}).`,
          path: ['_entities', index, ...path],
          extensions: {
            code: 'ISA_DENIED',
            agency,
            rule: denial?.rule ?? BUILT_IN_RULES.classificationWithheld,
            level: selection.level,
            field: selection.field,
            policyVersion: group.decision.policyVersion,
          },
        } as unknown as ResponseError);
      }
    }
  }
  return errors;
}

/** An agency's error about its n-th representation, moved to that subject's place in the whole fetch. */
function reindexed(error: ResponseError, indexes: number[]): ResponseError {
  const path = error.path ? [...error.path] : undefined;
  if (path?.[0] === '_entities' && typeof path[1] === 'number') path[1] = indexes[path[1]] ?? path[1];
  return { ...error, path } as ResponseError;
}
