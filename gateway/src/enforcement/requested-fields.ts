import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Fetch texts whose paths are kept: the query planner sends one text per agency fetch of a plan. */
const CACHE_SIZE = 500;
const known = new Map<string, readonly string[]>();

/**
 * The field paths a subgraph fetch asks for under `Subject` (e.g. `police.matches.record.pncId`),
 * or under a root field such as `policeDisclosures.grantId`, recorded in the access log: "which
 * fields were asked for". Follows inline fragments and named fragments (the query planner reuses
 * the client's fragments in the fetches it sends), so no query shape records an empty list.
 * Worked out once per text (every agency fetch asks it: parsing it each time cost about 1% of the
 * gateway's CPU under load).
 */
export function requestedFields(query: string): string[] {
  let paths = known.get(query);
  if (!paths) {
    paths = pathsOf(query);
    if (known.size >= CACHE_SIZE) known.delete(known.keys().next().value as string);
    known.set(query, paths);
  }
  return [...paths];
}

function pathsOf(query: string): string[] {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const paths = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined, prefix: string, spreads: readonly string[]) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        // `_entities` is the planner's envelope: what it selects is asked of each Subject.
        const path = prefix === '' && name === '_entities' ? '' : prefix ? `${prefix}.${name}` : name;
        if (selection.selectionSet) walk(selection.selectionSet, path, spreads);
        else if (path) paths.add(path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix, spreads);
      } else {
        const name = selection.name.value;
        if (spreads.includes(name)) continue;
        walk(fragments.get(name)?.selectionSet, prefix, [...spreads, name]);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, '', []);
  }
  return [...paths].sort();
}
