import { AGENCIES, agencyFieldName, type SensitivityLevel } from '@mash/shared';
import {
  buildSchema, extendSchema, getDirectiveValues, getNamedType, GraphQLIncludeDirective, GraphQLSkipDirective, isInterfaceType, isObjectType,
  Kind, parse, print, TypeInfo, visit, visitWithTypeInfo,
  type DefinitionNode, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type InlineFragmentNode, type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { NEVER_RELEASED } from '../policy/classification';
import { fieldLevel } from '../policy/classified-fields';

/** A requested field path withheld from a fetch, and the level on its path that withheld it. */
export interface WithheldPath {
  field: string;
  level: SensitivityLevel;
}

/** One place in a fetch's operation where a field was cut out: where its answer would have been. */
export interface WithheldSelection {
  /** Response keys (aliases as written) from the entity down to the withheld field, e.g. ['police', 'matches', 'record', 'warnings']. */
  responsePath: string[];
  /** The field path by name, as the access log writes it: `police.matches.record.warningMarkers`. */
  field: string;
  level: SensitivityLevel;
  /** The field's own @skip / @include, evaluated against the request's variables when answering. */
  node: FieldNode;
}

export interface PrunedOperation {
  /** The operation to send: every withheld field removed; unchanged text when nothing was. */
  query: string;
  withheld: WithheldSelection[];
}

/** An unclassified agency field is withheld as RESTRICTED: what nobody has classified is not shared. */
const UNCLASSIFIED: SensitivityLevel = 'RESTRICTED';
const AGENCY_FIELDS = new Set(AGENCIES.map(agencyFieldName));
const CACHE_SIZE = 500;
/** Field paths are fixed by the schema (a few hundred): this bounds the cache against a stream of made-up ones. */
const BLOCKING_CACHE_SIZE = 5_000;

/**
 * Field-level minimisation at the gateway (issue 12, DOMAIN.md section 6): the supergraph's
 * `@sensitivity` levels, applied to what a fetch asks an agency. A field is released only when
 * its own level and the level of every field above it are released; RESTRICTED never is. Works on
 * the parsed operation with the schema's types (TypeInfo), so aliases and fragments change nothing.
 */
export class FieldClassification {
  private readonly pruned = new Map<string, PrunedOperation>();
  private readonly blocking = new Map<string, SensitivityLevel | null>();

  private constructor(readonly schema: GraphQLSchema) {}

  /** From the supergraph SDL the gateway serves; `_entities` is added so planner fetches type-check. */
  static fromSupergraph(sdl: string): FieldClassification {
    const supergraph = buildSchema(sdl, { assumeValidSDL: true });
    const entities = parse('scalar _Any\nunion _Entity = Subject\nextend type Query { _entities(representations: [_Any!]!): [_Entity]! }');
    return new FieldClassification(extendSchema(supergraph, entities, { assumeValidSDL: true }));
  }

  /**
   * The requested field paths (`requestedFields`) that `released` withholds, each with the first
   * level on its path (from the agency field down) that is not released. Paths outside
   * `Subject.<agency field>` (e.g. a disclosure-log read) are not classified here.
   */
  withheldPaths(fields: readonly string[], levels: readonly SensitivityLevel[]): WithheldPath[] {
    const released = releasable(levels);
    const release = releaseKey(released);
    const withheld: WithheldPath[] = [];
    for (const field of fields) {
      const level = this.fieldBlockingLevel(field, released, release);
      if (level) withheld.push({ field, level });
    }
    return withheld;
  }

  /** `blockingLevel` of one field path, cached per path and release: the same few paths come with every fetch. */
  private fieldBlockingLevel(field: string, released: readonly SensitivityLevel[], release: string): SensitivityLevel | null {
    const key = `${release}|${field}`;
    let level = this.blocking.get(key);
    if (level === undefined) {
      level = this.blockingLevel(field.split('.'), released);
      if (this.blocking.size >= BLOCKING_CACHE_SIZE) this.blocking.delete(this.blocking.keys().next().value as string);
      this.blocking.set(key, level);
    }
    return level;
  }

  /** The fetch's operation without the fields `released` withholds (cached per operation text and release). */
  prune(query: string, levels: readonly SensitivityLevel[]): PrunedOperation {
    const released = releasable(levels);
    const key = `${releaseKey(released)}|${query}`;
    let result = this.pruned.get(key);
    if (!result) {
      result = this.pruneDocument(parse(query), released);
      if (this.pruned.size >= CACHE_SIZE) this.pruned.delete(this.pruned.keys().next().value as string);
      this.pruned.set(key, result);
    }
    return result;
  }

  private blockingLevel(path: readonly string[], released: readonly SensitivityLevel[]): SensitivityLevel | null {
    if (!AGENCY_FIELDS.has(path[0])) return null;
    let typeName = 'Subject';
    for (const name of path) {
      const type = this.schema.getType(typeName);
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
      if (!field) return UNCLASSIFIED;
      const level = fieldLevel(this.schema, typeName, name) ?? UNCLASSIFIED;
      if (!released.includes(level)) return level;
      typeName = getNamedType(field.type).name;
    }
    return null;
  }

  private pruneDocument(document: DocumentNode, released: readonly SensitivityLevel[]): PrunedOperation {
    const inlined = inlineFragments(document);
    const typeInfo = new TypeInfo(this.schema);
    const withheld: WithheldSelection[] = [];
    // Per field entered: its response key, its name, and whether it lies inside Subject.<agency field>.
    const stack: { key: string; name: string; agency: boolean }[] = [];
    const cut = visit(
      inlined,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter: (node) => {
            const parent = typeInfo.getParentType();
            const name = node.name.value;
            const inside = stack.at(-1)?.agency ?? false;
            const agency = inside || (parent?.name === 'Subject' && AGENCY_FIELDS.has(name));
            if (agency && !name.startsWith('__')) {
              const level = (parent && fieldLevel(this.schema, parent.name, name)) ?? UNCLASSIFIED;
              if (!released.includes(level)) {
                const agencyPath = stack.filter((entry) => entry.agency);
                withheld.push({
                  responsePath: [...agencyPath.map((entry) => entry.key), node.alias?.value ?? name],
                  field: [...agencyPath.map((entry) => entry.name), name].join('.'),
                  level,
                  node,
                });
                return null;
              }
            }
            stack.push({ key: node.alias?.value ?? name, name, agency });
            return undefined;
          },
          leave: () => {
            stack.pop();
          },
        },
      }),
    );
    if (withheld.length === 0) return { query: print(document), withheld };
    return { query: print(withoutUnusedVariables(keepSelectionSetsValid(cut))), withheld };
  }
}

/** RESTRICTED is never released, whatever list a caller hands over (DOMAIN.md 6.2). */
function releasable(levels: readonly SensitivityLevel[]): SensitivityLevel[] {
  return levels.filter((level) => !NEVER_RELEASED.includes(level));
}

/** The levels released, as the caches key them (order-free). */
function releaseKey(released: readonly SensitivityLevel[]): string {
  return [...released].sort().join(',');
}

/** Named fragments spread as inline fragments, so every selection sits where it is answered. */
function inlineFragments(document: DocumentNode): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const inline = (selectionSet: SelectionSetNode, spreads: readonly string[]): SelectionSetNode => {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        selections.push(selection.selectionSet ? { ...selection, selectionSet: inline(selection.selectionSet, spreads) } : selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        selections.push({ ...selection, selectionSet: inline(selection.selectionSet, spreads) });
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || spreads.includes(fragment.name.value)) continue;
        const spread: InlineFragmentNode = {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: selection.directives,
          selectionSet: inline(fragment.selectionSet, [...spreads, fragment.name.value]),
        };
        selections.push(spread);
      }
    }
    return { ...selectionSet, selections };
  };
  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) definitions.push({ ...definition, selectionSet: inline(definition.selectionSet, []) });
    else if (definition.kind !== Kind.FRAGMENT_DEFINITION) definitions.push(definition);
  }
  return { ...document, definitions };
}

/** A selection set left empty by the cut asks for `__typename`, so the operation stays valid. */
function keepSelectionSetsValid(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      leave: (node) =>
        node.selections.length > 0 ? undefined : { ...node, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
    },
  });
}

/** Variables only a withheld field used are dropped too (an unused variable is an invalid operation). */
function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return visit(document, {
    VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null),
  });
}

/**
 * Where a withheld field would have been answered in one entity: every object on its path the
 * agency returned (lists expanded), as response paths below the entity. The field is set to null
 * there (it is nullable wherever its level differs from its parent's), so the client reads null
 * with the error beside it.
 */
export function withheldOccurrences(entity: unknown, selection: WithheldSelection, variables: Record<string, unknown> | undefined): (string | number)[][] {
  if (!included(selection.node, variables)) return [];
  const found: (string | number)[][] = [];
  const key = selection.responsePath.at(-1)!;
  const walk = (value: unknown, rest: readonly string[], at: (string | number)[]) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, rest, [...at, index]));
      return;
    }
    if (typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (rest.length === 0) {
      record[key] = null;
      found.push([...at, key]);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(record, rest[0])) walk(record[rest[0]], rest.slice(1), [...at, rest[0]]);
  };
  walk(entity, selection.responsePath.slice(0, -1), []);
  return found;
}

function included(node: FieldNode, variables: Record<string, unknown> | undefined): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}
