import { AGENCIES, agencyFieldName, isSensitivityLevel, SENSITIVITY_DIRECTIVE, type SensitivityLevel } from '@mash/shared';
import { getNamedType, isObjectType, isInterfaceType, Kind, type GraphQLSchema } from 'graphql';
import type { AgencyName } from './policy-document';

/** One agency field reachable from `Subject.<agency field>`, with the sensitivity its own subgraph gave it. */
export interface ClassifiedField {
  agency: AgencyName;
  /** Dotted path from Subject, e.g. `police.matches.record.warningMarkers` (the access log's `fields` format). */
  path: string;
  /** The field's own level (`@sensitivity(level: ...)` in the supergraph). */
  level: SensitivityLevel;
  typeName: string;
  fieldName: string;
  /** The levels of the fields above it on the path, outermost first (`police` first). */
  ancestors: SensitivityLevel[];
}

/**
 * The `@sensitivity` level of `typeName.fieldName` as the supergraph carries it (the agencies put
 * it in their own subgraph schemas and `@composeDirective` keeps it through composition); null
 * when the field has none (hub-owned fields, or an agency field someone forgot: the composition
 * test catches that, and enforcement treats it as RESTRICTED).
 */
export function fieldLevel(schema: GraphQLSchema, typeName: string, fieldName: string): SensitivityLevel | null {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInterfaceType(type)) return null;
  const field = type.getFields()[fieldName];
  const directive = field?.astNode?.directives?.find((node) => node.name.value === SENSITIVITY_DIRECTIVE);
  const argument = directive?.arguments?.find((node) => node.name.value === 'level');
  if (!argument) return null;
  const value = argument.value.kind === Kind.ENUM || argument.value.kind === Kind.STRING ? argument.value.value : null;
  return isSensitivityLevel(value) ? value : null;
}

/**
 * Every agency field path from `Subject.<agency field>` down, each with its own level and its
 * ancestors' levels. A type already on the path is not entered again (cycle guard), so the list
 * is finite whatever the schema. Fields with no `@sensitivity` are left out here; see `fieldLevel`.
 */
export function classifiedFields(schema: GraphQLSchema): ClassifiedField[] {
  const fields: ClassifiedField[] = [];
  const walk = (agency: AgencyName, typeName: string, prefix: string, ancestors: SensitivityLevel[], seen: readonly string[]) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      const level = fieldLevel(schema, typeName, field.name);
      if (!level) continue;
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      fields.push({ agency, path, level, typeName, fieldName: field.name, ancestors });
      const child = getNamedType(field.type);
      if ((isObjectType(child) || isInterfaceType(child)) && !seen.includes(child.name)) {
        walk(agency, child.name, path, [...ancestors, level], [...seen, child.name]);
      }
    }
  };
  const subject = schema.getType('Subject');
  if (!isObjectType(subject)) return fields;
  for (const agency of AGENCIES) {
    const name = agencyFieldName(agency);
    const field = subject.getFields()[name];
    const level = fieldLevel(schema, 'Subject', name);
    if (!field || !level) continue;
    fields.push({ agency, path: name, level, typeName: 'Subject', fieldName: name, ancestors: [] });
    const child = getNamedType(field.type);
    walk(agency, child.name, name, [level], ['Subject', child.name]);
  }
  return fields;
}

/** Whether a field at `level` under ancestors at `ancestors` is released by `released` (its own level and every ancestor's). */
export function isReleased(released: readonly SensitivityLevel[], level: SensitivityLevel, ancestors: readonly SensitivityLevel[] = []): boolean {
  return released.includes(level) && ancestors.every((ancestor) => released.includes(ancestor));
}
