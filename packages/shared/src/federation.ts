import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';

/** Federation 2 directives the subgraphs use; imported once so every SDL reads the same. */
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@inaccessible'];
const linkHeader = (imports: readonly string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports.map((name) => `"${name}"`).join(', ')}])\n`;

/** SDL a subgraph adds beside its own (e.g. an agency's `@sensitivity`): schema extensions, definitions, federation directives it uses. */
export interface ExtraSdl {
  header: string;
  definitions: string;
  federationImports: readonly string[];
}

export type ReferenceResolvers = GraphQLResolverMap<unknown>;

/**
 * Builds a type-graphql schema and turns it into an Apollo Federation 2 subgraph schema.
 * `printSchemaWithDirectives` (not `printSchema`) keeps `@key` and friends, and the reference
 * resolvers are merged per type so type-graphql's field resolvers on the same type survive.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
  /** Descriptions of the root types, which type-graphql leaves blank (the public schema documents itself). */
  roots: { query?: string; mutation?: string } = {},
  extra?: ExtraSdl,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const query = schema.getQueryType();
  if (query && roots.query) query.description = roots.query;
  const mutation = schema.getMutationType();
  if (mutation && roots.mutation) mutation.description = roots.mutation;
  const header = linkHeader([...FEDERATION_IMPORTS, ...(extra?.federationImports ?? [])]) + (extra?.header ?? '');
  const typeDefs = parse(header + printSchemaWithDirectives(schema) + (extra?.definitions ?? ''));
  const resolvers = mergeResolverMaps(createResolversMap(schema) as ReferenceResolvers, referenceResolvers);
  return buildSubgraphSchema({ typeDefs, resolvers });
}

function mergeResolverMaps(base: ReferenceResolvers, extra: ReferenceResolvers): ReferenceResolvers {
  const merged: ReferenceResolvers = { ...base };
  for (const [typeName, fields] of Object.entries(extra)) {
    merged[typeName] = { ...(base[typeName] as object), ...(fields as object) } as ReferenceResolvers[string];
  }
  return merged;
}
