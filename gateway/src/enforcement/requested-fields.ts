import { Kind, parse, type SelectionSetNode } from 'graphql';

/**
 * The field paths a subgraph fetch asks for under `Subject` (e.g. `police.matches.record.pncId`),
 * recorded in the access log: "which fields were asked for".
 */
export function requestedFields(query: string): string[] {
  const paths = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined, prefix: string) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const path = prefix ? `${prefix}.${selection.name.value}` : selection.name.value;
        if (selection.selectionSet) walk(selection.selectionSet, path);
        else paths.add(path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix);
      }
    }
  };
  const document = parse(query);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const root of definition.selectionSet.selections) {
      if (root.kind !== Kind.FIELD) continue;
      if (root.name.value === '_entities') walk(root.selectionSet, '');
      else paths.add(root.name.value);
    }
  }
  return [...paths].sort();
}
