import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';
import { limitError, type LimitName } from './armor';
import type { RequestLimits } from './limits';
import { estimateCost } from './query-cost';
import { recordRefusal, type RefusalTarget } from './refusal';

export interface RequestLimitsOptions extends RefusalTarget {
  limits: RequestLimits;
}

/**
 * Refuses an operation whose estimated cost is over `maxCost` before it runs (no agency is asked,
 * nothing is read), and records every refusal by a limit once: GraphQL Armor's (depth, aliases,
 * directives), the cost, and the subject cap met during execution.
 */
export function ApolloServerPluginRequestLimits(options: RequestLimitsOptions): ApolloServerPlugin<GatewayContext> {
  const { limits } = options;
  return {
    async requestDidStart() {
      return {
        // Awaited by Apollo before it answers (the validation end hook is not), so the refusal
        // is on record when the client reads it. Armor's refusals arrive here as validation
        // errors, the cost refusal from didResolveOperation, a subject-cap refusal from execution.
        async didEncounterErrors({ contextValue, errors }) {
          const refused = errors.filter((error) => error.extensions?.limit);
          if (refused.length === 0) return;
          const reason = refused.map((error) => error.message.replace(/^Request refused: /, '')).join(' ');
          await recordRefusal(options, contextValue, refused[0].extensions.limit as LimitName, reason);
        },
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          const cost = estimateCost(schema, operation, fragments, request.variables ?? {}, limits);
          if (cost <= limits.maxCost) return;
          throw limitError('maxCost', `its estimated cost is ${cost}, over the limit of ${limits.maxCost} (each agency field costs ${limits.agencyFieldCost} per subject)`);
        },
      };
    },
  };
}
