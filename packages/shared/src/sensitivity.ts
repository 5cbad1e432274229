/**
 * How sensitive an agency field is (DOMAIN.md section 6): every field an agency exposes carries
 * one, in its own subgraph schema, as `@sensitivity(level: ...)`, kept through composition. The
 * ISA policy says which levels a role may see at which rating and for which purpose; the gateway
 * withholds the rest, field by field. RESTRICTED is never released automatically (DOMAIN.md 6.2).
 */
export const SENSITIVITY_LEVELS = [
  'BASIC_IDENTITY',
  'SAFEGUARDING_STATUS',
  'HEALTH_SPECIAL',
  'CRIMINAL_OFFENCE',
  'POLICE_INTELLIGENCE',
  'RESTRICTED',
] as const;

export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

/** What each level holds, in words a board member or an agency IT team reads. */
export const SENSITIVITY_DESCRIPTIONS: Record<SensitivityLevel, string> = {
  BASIC_IDENTITY: 'Who the person is: names, date of birth, identifiers, record ids, address as held, how they were matched',
  SAFEGUARDING_STATUS: "Whether and how the agency is involved: plans, registrations, roll and attendance, the agency's safeguarding flags",
  HEALTH_SPECIAL: 'Health data, a special category (UK GDPR Art 9): physical and mental health, substance misuse, maternity, disability',
  CRIMINAL_OFFENCE: 'Criminal offence data (UK GDPR Art 10, DPA 2018 s11(2)): offences, allegations, arrests, incidents, convictions',
  POLICE_INTELLIGENCE: 'Police intelligence and police-only markers (OFFICIAL-SENSITIVE): warning markers, exploitation concerns, intelligence',
  RESTRICTED: 'Extra-restricted items (DOMAIN.md 6.2): never released automatically, only through a named single point of contact',
};

/** The directive's name in every agency schema and in the supergraph. */
export const SENSITIVITY_DIRECTIVE = 'sensitivity';
/** The spec URL the agencies `@link` so composition keeps the directive (`@composeDirective`). */
export const SENSITIVITY_SPEC_URL = 'https://specs.mash.example/sensitivity/v1.0';

export function isSensitivityLevel(value: unknown): value is SensitivityLevel {
  return typeof value === 'string' && (SENSITIVITY_LEVELS as readonly string[]).includes(value);
}
