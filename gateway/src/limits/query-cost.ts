import {
  GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getArgumentValues, getDirectiveValues, getNamedType, isListType, isNonNullType, isObjectType,
  isInterfaceType, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode, type GraphQLOutputType,
} from 'graphql';
import { AGENCIES, disclosureQueryName } from '@mash/shared';

/** How the estimate weighs a request (see `RequestLimits`). */
export interface CostModel {
  /** One agency field for one subject: one decision, one grant, one fetch at that agency. */
  agencyFieldCost: number;
  /** Subjects assumed per case. */
  subjectsPerCase: number;
}

/** Each agency's field on Subject, e.g. `socialCare`. */
export const AGENCY_FIELDS: readonly string[] = AGENCIES.map((agency) => disclosureQueryName(agency).replace(/Disclosures$/, ''));
const DISCLOSURE_QUERIES: readonly string[] = AGENCIES.map(disclosureQueryName);
/** Recomputes every hash of the access log: expensive whatever is selected. */
const AUDIT_CHAIN_COST = 2000;
/** Most rows a list argument is taken at when its value cannot be read (matches the resolvers' caps). */
const MAX_ROWS = 1000;

/**
 * The estimated cost of one operation, before anything is executed. A hub object costs 1 and a
 * scalar nothing; an agency field on Subject costs `agencyFieldCost` for every subject it may be
 * asked for (cases x subjects per case); an agency's disclosure log, the access log and the chain
 * check cost what they read. Follows aliases, fragments and variables; skips @skip/@include'd parts.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  model: CostModel,
): number {
  const visit = (set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, spreads: readonly string[]): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        cost += visit(selection.selectionSet, type, multiplier, spreads);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || spreads.includes(name)) continue;
        cost += visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, multiplier, [...spreads, name]);
      } else {
        cost += fieldCost(selection, parent, multiplier, spreads);
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, multiplier: number, spreads: readonly string[]): number => {
    const name = node.name.value;
    if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0;
    const args = argumentsOf(field, node, variables);
    if (parent.name === 'Subject' && AGENCY_FIELDS.includes(name)) return multiplier * model.agencyFieldCost;
    if (parent === schema.getQueryType()) {
      if (DISCLOSURE_QUERIES.includes(name)) return multiplier * (model.agencyFieldCost + Math.ceil(rows(args) / 10));
      if (name === 'auditChain') return multiplier * AUDIT_CHAIN_COST;
      if (name === 'accessLog') return multiplier * Math.ceil(rows(args) / 10);
    }
    const type = getNamedType(field.type);
    if (!node.selectionSet) return 0;
    const size = isList(field.type) ? listSize(parent.name, name, args, model) : 1;
    return multiplier + visit(node.selectionSet, type, multiplier * size, spreads);
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? visit(operation.selectionSet, root, 1, []) : 0;
}

function listSize(parent: string, field: string, args: Record<string, unknown>, model: CostModel): number {
  if (parent === 'Case' && field === 'subjects') return model.subjectsPerCase;
  // Root lists return up to `limit` items (cases, ratingReviews); other lists are a case's own history.
  return 'limit' in args ? rows(args) : 1;
}

function rows(args: Record<string, unknown>): number {
  const limit = args.limit;
  return typeof limit === 'number' && Number.isFinite(limit) ? Math.min(Math.max(Math.ceil(limit), 1), MAX_ROWS) : MAX_ROWS;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The field's arguments with variables and defaults applied; unreadable values count at their worst. */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return { limit: MAX_ROWS };
  }
}

function included(node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown>): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}
