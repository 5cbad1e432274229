import { agencyFieldName } from '@mash/shared';
import { flagsOf, SEVERITY_ORDER, type PictureState, type Severity } from './answers';
import type { Member } from './findings';
import { AGENCY_FIELDS, type AgencyField } from './sdl';

export type RiskArea =
  | 'PREVENT_RADICALISATION' | 'MISSING' | 'CHILD_SEXUAL_EXPLOITATION' | 'CRIMINAL_EXPLOITATION'
  | 'TRAFFICKING_MODERN_SLAVERY' | 'HATE_CRIME' | 'DOMESTIC_ABUSE' | 'FGM_HONOUR_BASED_ABUSE';
export type RiskLevel = 'HIGH' | 'MEDIUM' | 'LOW';
type PolicyAgency = 'police' | 'social-care' | 'health' | 'education';

/** One agency's flags that count towards an area; `level` overrides the level the flag's severity gives. */
export interface RiskFactRule {
  agency: PolicyAgency;
  codes: string[];
  level?: RiskLevel;
}

/** The risk matrix's rules: part of the ISA policy document (`riskMatrix`), versioned with it. */
export interface RiskMatrixRules {
  areas: { area: RiskArea; label: string; facts: RiskFactRule[] }[];
}

const fieldOf = (agency: PolicyAgency) => agencyFieldName(agency) as AgencyField;
const LEVEL_OF_SEVERITY: Record<Severity, RiskLevel> = { RED: 'HIGH', AMBER: 'MEDIUM', GREEN: 'LOW' };
const LEVEL_ORDER: Record<RiskLevel, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export interface RiskMatrixRow {
  area: RiskArea;
  label: string;
  level: RiskLevel | 'NONE_KNOWN';
  facts: { agency: AgencyField; subjectId: string; code: string; level: RiskLevel; summary: string; date: string | null }[];
  notAssessed: { agency: AgencyField; subjectId: string; state: PictureState }[];
}

/** Applies the policy's rules to the agencies' answers. */
export function riskMatrixOf(rules: RiskMatrixRules, members: Member[]): RiskMatrixRow[] {
  return rules.areas.map(({ area, label, facts: factRules }) => {
    const facts: RiskMatrixRow['facts'] = [];
    const notAssessed: RiskMatrixRow['notAssessed'] = [];
    const feeding = new Set(factRules.map((rule) => fieldOf(rule.agency)));
    for (const member of members) {
      for (const agency of AGENCY_FIELDS) {
        if (!feeding.has(agency)) continue;
        const answer = member.answers[agency];
        if (answer.state === 'DENIED' || answer.state === 'UNAVAILABLE' || answer.state === 'AMBIGUOUS') {
          notAssessed.push({ agency, subjectId: member.subject.id, state: answer.state });
          continue;
        }
        for (const flag of flagsOf(answer)) {
          const rule = factRules.find((candidate) => fieldOf(candidate.agency) === agency && candidate.codes.includes(flag.code));
          if (!rule) continue;
          facts.push({ agency, subjectId: member.subject.id, code: flag.code, level: rule.level ?? LEVEL_OF_SEVERITY[flag.severity], summary: flag.summary, date: flag.date ?? null });
        }
      }
    }
    facts.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (b.date ?? '').localeCompare(a.date ?? ''));
    return { area, label, level: facts[0]?.level ?? 'NONE_KNOWN', facts, notAssessed };
  });
}

/** The default rules (DOMAIN.md sections 1-4 and 7): which agency flags speak to which area of harm. */
export const DEFAULT_RISK_MATRIX: RiskMatrixRules = {
  areas: [
    {
      area: 'PREVENT_RADICALISATION', label: 'Prevent: radicalisation and extremism',
      facts: [{ agency: 'police', codes: ['RADICALISATION_CONCERN'] }],
    },
    {
      area: 'MISSING', label: 'Missing from home, school or care',
      facts: [
        { agency: 'police', codes: ['MISSING_HIGH_RISK_12M'], level: 'HIGH' },
        { agency: 'police', codes: ['MISSING_REPEAT_12M', 'MISSING_90D'] },
        { agency: 'social-care', codes: ['GOING_MISSING_RISK'] },
        { agency: 'education', codes: ['NOT_ON_SCHOOL_ROLL', 'SEVERE_ABSENCE'], level: 'MEDIUM' },
        { agency: 'education', codes: ['PERSISTENT_ABSENCE', 'ATTENDANCE_DROP'], level: 'LOW' },
      ],
    },
    {
      area: 'CHILD_SEXUAL_EXPLOITATION', label: 'Child sexual exploitation',
      facts: [{ agency: 'police', codes: ['CSE_CONCERN'] }, { agency: 'social-care', codes: ['CSE_RISK'] }],
    },
    {
      area: 'CRIMINAL_EXPLOITATION', label: 'Child criminal exploitation and county lines',
      facts: [{ agency: 'police', codes: ['CCE_CONCERN', 'COUNTY_LINES_CONCERN'] }, { agency: 'social-care', codes: ['CCE_RISK', 'GANGS_RISK'] }],
    },
    {
      area: 'TRAFFICKING_MODERN_SLAVERY', label: 'Trafficking and modern slavery',
      facts: [{ agency: 'police', codes: ['TRAFFICKING_CONCERN'] }, { agency: 'social-care', codes: ['TRAFFICKING_RISK'] }],
    },
    {
      area: 'HATE_CRIME', label: 'Hate crime',
      facts: [{ agency: 'police', codes: ['HATE_CRIME_12M'] }],
    },
    {
      area: 'DOMESTIC_ABUSE', label: 'Domestic abuse',
      facts: [
        { agency: 'police', codes: ['DASH_HIGH_OR_MARAC_12M'], level: 'HIGH' },
        { agency: 'police', codes: ['DA_PERPETRATOR', 'DA_CHILDREN_PRESENT_12M', 'DA_INCIDENT_12M', 'DA_REPEAT_INCIDENTS_12M'] },
        { agency: 'social-care', codes: ['DOMESTIC_ABUSE_FACTOR', 'TOXIC_TRIO'] },
        { agency: 'health', codes: ['DA_RELATED_ATTENDANCE_12M'] },
        { agency: 'education', codes: ['OPERATION_ENCOMPASS_12M'] },
      ],
    },
    {
      area: 'FGM_HONOUR_BASED_ABUSE', label: 'Female genital mutilation and honour-based abuse',
      facts: [
        { agency: 'police', codes: ['HONOUR_BASED_ABUSE'], level: 'HIGH' },
        { agency: 'social-care', codes: ['FGM_RISK', 'FAITH_BASED_ABUSE_RISK'] },
        { agency: 'health', codes: ['FGM_RECORDED'] },
      ],
    },
  ],
};

export const RISK_AREAS: readonly RiskArea[] = DEFAULT_RISK_MATRIX.areas.map((area) => area.area);
export { SEVERITY_ORDER };
