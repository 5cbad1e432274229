import {
  Kind,
  parse,
  valueFromASTUntyped,
  type DefinitionNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GrantClaims } from '../grant-claims';
import { subjectDigest } from './subject-digest';

/**
 * Stands in for a representation that is not a `Subject` with a string id, or for representations
 * that cannot be read at all: it is never covered, so such a request is always refused.
 */
export const INVALID_REPRESENTATION = '<invalid representation>';

// Far above what the gateway's query planner sends, far below what would make parsing a cost.
const MAX_TOKENS = 10_000;

interface ReadableRequest {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Top-level field names (not aliases) of the query a request body would execute, following
 * fragment spreads and inline fragments; null when the body is not exactly one readable query
 * (unparseable, an unknown fragment, no or an ambiguous operation, a mutation or subscription).
 */
export function requestedRootFields(body: unknown): string[] | null {
  const request = readRequest(body);
  const fields = request && rootFields(request);
  return fields ? [...new Set(fields.map((field) => field.name.value))] : null;
}

/**
 * Subject ids that the request's `_entities` representations name but the grant does not cover.
 * Representations are read from the `representations` argument of every `_entities` field,
 * whatever the variable is called or if given inline, and from `variables.representations`.
 */
export function uncoveredSubjects(grant: GrantClaims, body: unknown): string[] {
  const representations = requestedRepresentations(body);
  if (!representations) return [INVALID_REPRESENTATION];
  const covered = new Set(grant.subjectIds);
  const uncovered = representations.map(subjectIdOf).filter((id) => !covered.has(id));
  return [...new Set(uncovered)];
}

/**
 * Subject ids whose representation is not exactly the one the grant was minted for: its digest
 * (`subjectDigest`: id, demographics, identifiers) differs from the grant's, or the grant has none
 * for it. Run after `uncoveredSubjects`, which has already refused unknown ids.
 */
export function unboundSubjects(grant: GrantClaims, body: unknown): string[] {
  const representations = requestedRepresentations(body);
  if (!representations) return [INVALID_REPRESENTATION];
  const digests = grant.subjectDigests ?? {};
  const unbound = representations.flatMap((representation) => {
    const id = subjectIdOf(representation);
    return Object.hasOwn(digests, id) && digests[id] === subjectDigest(representation) ? [] : [id];
  });
  return [...new Set(unbound)];
}

function requestedRepresentations(body: unknown): unknown[] | undefined {
  const request = readRequest(body);
  const fields = request && rootFields(request);
  if (!request || !fields) return undefined;
  const found: unknown[] = [];
  const fromVariables = request.variables.representations;
  if (fromVariables !== undefined) {
    if (!Array.isArray(fromVariables)) return undefined;
    found.push(...fromVariables);
  }
  for (const field of fields.filter((node) => node.name.value === '_entities')) {
    const argument = field.arguments?.find((node) => node.name.value === 'representations');
    const value = argument && valueFromASTUntyped(argument.value, request.variables);
    if (!Array.isArray(value)) return undefined;
    found.push(...value);
  }
  return found;
}

function subjectIdOf(representation: unknown): string {
  const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
  return __typename === 'Subject' && typeof id === 'string' && id !== '' ? id : INVALID_REPRESENTATION;
}

// The gateway's planner sends the same few operation texts again and again: parse each once.
const PARSED = new Map<string, readonly DefinitionNode[] | null>();
const PARSED_LIMIT = 500;

function parsed(query: string): readonly DefinitionNode[] | null {
  let definitions = PARSED.get(query);
  if (definitions === undefined) {
    try {
      definitions = parse(query, { noLocation: true, maxTokens: MAX_TOKENS }).definitions;
    } catch {
      definitions = null;
    }
    if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
    PARSED.set(query, definitions);
  }
  return definitions;
}

function readRequest(body: unknown): ReadableRequest | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables = {} } = body as { query?: unknown; operationName?: unknown; variables?: unknown };
  if (typeof query !== 'string' || typeof variables !== 'object' || Array.isArray(variables)) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  const definitions = parsed(query);
  if (!definitions) return undefined;
  const operations = definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(definitions.filter((node) => node.kind === Kind.FRAGMENT_DEFINITION).map((node) => [node.name.value, node]));
  const operation = operationName ? operations.find((node) => node.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return undefined;
  return { operation, fragments, variables: (variables ?? {}) as Record<string, unknown> };
}

/** The fields at the root of the operation, or undefined when a spread names no fragment. */
function rootFields(request: ReadableRequest): FieldNode[] | undefined {
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return fields.push(selection) > 0;
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const fragment = request.fragments.get(selection.name.value);
      if (!fragment) return false;
      // A fragment cycle is invalid GraphQL (execution refuses it); visiting once is enough here.
      if (visited.has(fragment.name.value)) return true;
      visited.add(fragment.name.value);
      return walk(fragment.selectionSet);
    });
  return walk(request.operation.selectionSet) ? fields : undefined;
}
