import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { limitVariable, type RequestLimits } from './limits';

/** Which limit refused a request; `extensions.limit` of the BAD_USER_INPUT error. */
export type LimitName = Extract<keyof RequestLimits, 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxDirectives' | 'maxCost' | 'maxSubjects' | 'ratePerMinute'>;

/**
 * A refusal the client can act on: BAD_USER_INPUT (HTTP 400) naming the limit, or RATE_LIMITED
 * (HTTP 429) for the rate. `sentence` says what was too much; the setting's name is added.
 */
export function limitError(limit: LimitName, sentence: string, http: { status: number; headers?: HeaderMap } = { status: 400 }): GraphQLError {
  const advice = limit === 'ratePerMinute' ? 'Wait and try again.' : 'Ask for less in one request, or split it.';
  return new GraphQLError(`Request refused: ${sentence.replace(/^Syntax Error: /, '').replace(/\.$/, '')} (${limitVariable(limit)}). ${advice}`, {
    extensions: { code: limit === 'ratePerMinute' ? 'RATE_LIMITED' : 'BAD_USER_INPUT', limit, http },
  });
}

const reportAs = (limit: LimitName) => [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, error.message))];

/**
 * GraphQL Armor's depth, alias and directive limits as validation rules (refused before any
 * fetch), and in production its masking of "Did you mean ...?" suggestions. Its token limit runs
 * at admission instead (`tooManyTokens`): inside Apollo's parse hook it would answer HTTP 500.
 * Its cost limit weighs every field alike; the gateway's estimate (query-cost.ts) weighs agency
 * fields, which are what cost the agencies.
 */
export function armorProtection(limits: RequestLimits, production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: reportAs('maxDepth') },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: reportAs('maxAliases') },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: reportAs('maxDirectives') },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules };
}

/**
 * True when the query text has more than `max` tokens; stops lexing at the limit, so cheap on huge
 * input. Every token counted is at least one character (comments and the end are not counted), so
 * a text no longer than `max` is not lexed at all.
 */
export function tooManyTokens(source: string, max: number): boolean {
  if (source.length <= max) return false;
  let exceeded = false;
  const parser = new MaxTokensParserWLexer(source, { n: max, onReject: [() => void (exceeded = true)], propagateOnRejection: true });
  try {
    parser.parseDocument();
  } catch {
    // A syntax error is Apollo's to report (GRAPHQL_PARSE_FAILED); only the limit matters here.
  }
  return exceeded;
}
