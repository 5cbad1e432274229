import { Directive } from 'type-graphql';
import { SENSITIVITY_DESCRIPTIONS, SENSITIVITY_DIRECTIVE, SENSITIVITY_LEVELS, SENSITIVITY_SPEC_URL, type SensitivityLevel } from '../sensitivity';

/**
 * Marks an agency field with its sensitivity, `@sensitivity(level: ...)`, kept through composition
 * into the supergraph, where the gateway reads it (gateway/src/policy/classified-fields.ts).
 */
export function Sensitivity(level: SensitivityLevel): MethodDecorator & PropertyDecorator {
  return Directive(`@${SENSITIVITY_DIRECTIVE}(level: ${level})`);
}

const block = (text: string, indent = ''): string => `${indent}"""\n${indent}${text}\n${indent}"""\n`;

/** How the agencies classify their fields: the directive's description, read by agency teams and the board. */
const MAPPING =
  'How sensitive an agency field is (DOMAIN.md section 6). The ISA policy (classificationAccess) says which levels a role may see for a case of a given rating and purpose; ' +
  "the gateway withholds a field whose level, or an enclosing field's level, is not released, with ISA_DENIED on its path, and asks the agency only for the rest. " +
  'The agencies classify alike: the match, the candidate, record ids, names, dates of birth, aliases, identifiers, address as held and associates are BASIC_IDENTITY; ' +
  "findings (flags), plans, registrations, referrals, assessments, early help, adult safeguarding enquiries, roll, attendance, exclusions, home education, missing episodes and CP-IS are SAFEGUARDING_STATUS; " +
  'clinical care, mental health, substance misuse, maternity, was-not-brought appointments, unscheduled care and disability or special educational needs are HEALTH_SPECIAL; ' +
  'offences, arrests and domestic-abuse incidents are CRIMINAL_OFFENCE; police warning markers, exploitation concerns and intelligence are POLICE_INTELLIGENCE; ' +
  'MAPPA and public-protection detail and the protected contact details of restricted (PDS sensitive) patients are RESTRICTED and never released automatically (DOMAIN.md 6.2). ' +
  "A field whose level differs from its enclosing field's is nullable, so withholding it nulls that field alone.";

/**
 * What an agency subgraph adds to its SDL: the spec `@link`ed and `@composeDirective`d (Federation 2
 * keeps a custom directive through composition only so), the directive and its level enum. One
 * text for all four agencies: composition takes the directive's definition from the subgraphs.
 */
export const SENSITIVITY_SDL = {
  header: `extend schema @link(url: "${SENSITIVITY_SPEC_URL}", import: ["@${SENSITIVITY_DIRECTIVE}"]) @composeDirective(name: "@${SENSITIVITY_DIRECTIVE}")\n`,
  definitions:
    '\n' +
    block(MAPPING) +
    `directive @${SENSITIVITY_DIRECTIVE}(\n${block("The field's sensitivity level", '  ')}  level: SensitivityLevel!\n) on FIELD_DEFINITION\n\n` +
    block('A sensitivity level of agency data (DOMAIN.md section 6); RESTRICTED is never released automatically') +
    `enum SensitivityLevel {\n${SENSITIVITY_LEVELS.map((level) => `${block(`${SENSITIVITY_DESCRIPTIONS[level]}.`, '  ')}  ${level}`).join('\n\n')}\n}\n`,
  /** The Federation directive the header uses, to add to the subgraph's federation `@link` imports. */
  federationImports: ['@composeDirective'],
};
