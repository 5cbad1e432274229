import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isAbstractType, isScalarType,
  type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { disclosureQueryName } from '../disclosure.resolver';
import { agencyFieldName } from '../agency/schema';
import type { AgencyName } from '../synthetic/types';
import type { Representation } from './subjects';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** A request a refused grant is tried against, named for the report. */
export interface Probe {
  name: string;
  request: GraphQLRequest;
}

/** The gateway's `_entities` fetch for the agency's field, the envelope in full and `recordSelection` under `record`. */
export function entitiesRequest(agency: AgencyName, representations: readonly Representation[], recordSelection = ''): GraphQLRequest {
  const query = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Subject {
      ${agencyFieldName(agency)} {
        status
        matches { confidence matchedOn record { __typename ${recordSelection} } }
        flags { code severity summary }
      }
    }
  }
}`;
  return { query, variables: { representations } };
}

export const SERVICE_REQUEST: GraphQLRequest = { query: '{ _service { sdl } }' };
export const INTROSPECTION_REQUEST: GraphQLRequest = { query: '{ __schema { queryType { name } types { name } } }' };

/** The agency's own disclosure-log query for one case. */
export function disclosuresRequest(agency: AgencyName, caseId: string): GraphQLRequest {
  const name = disclosureQueryName(agency);
  return {
    query: `query($caseId: String) { ${name}(caseId: $caseId, limit: 500) { grantId caseId userId purpose subjectId matchStatus recordIds obligations } }`,
    variables: { caseId },
  };
}

/**
 * What a grant is tried against: `_entities` for a covered subject, `_service`, introspection, and
 * every other root Query field of the agency's schema (each with its required arguments filled in),
 * so a field added later is probed without changing the suite.
 */
export function probes(schema: GraphQLSchema, agency: AgencyName, covered: Representation): Probe[] {
  const found: Probe[] = [
    { name: '_entities', request: entitiesRequest(agency, [covered]) },
    { name: '_service', request: SERVICE_REQUEST },
    { name: '__schema', request: INTROSPECTION_REQUEST },
  ];
  const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
  for (const field of fields.filter((candidate) => !['_entities', '_service'].includes(candidate.name))) {
    const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => `${arg.name}: ${sampleLiteral(arg.type, covered)}`);
    const named = getNamedType(field.type);
    const selection = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
    found.push({ name: field.name, request: { query: `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }` } });
  }
  return found;
}

/** A valid GraphQL literal of an input type; a `_Any` is the covered representation. */
function sampleLiteral(type: GraphQLInputType, covered: Representation): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType, covered);
  if (isListType(type)) return `[${sampleLiteral(type.ofType, covered)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${required.map((field) => `${field.name}: ${sampleLiteral(field.type, covered)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === '_Any') return jsonLiteral(covered);
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
  }
  return '"conformance"';
}

function jsonLiteral(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${jsonLiteral(item)}`).join(', ')} }`;
}
