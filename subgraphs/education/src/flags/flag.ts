import { FlagSeverityValue, type Flag } from '@mash/shared';

/** The education flag codes (DOMAIN.md 4.2 and 7); stable, the triage screen keys on them. */
export type EducationFlagCode =
  | 'NOT_ON_SCHOOL_ROLL'
  | 'ELECTIVE_HOME_EDUCATION_RECENT'
  | 'PERSISTENT_ABSENCE'
  | 'SEVERE_ABSENCE'
  | 'PERMANENT_EXCLUSION'
  | 'REPEATED_SUSPENSIONS'
  | 'PART_TIME_TIMETABLE'
  | 'TEMPORARY_UPN'
  | 'SEN_SUPPORT'
  | 'EHC_PLAN'
  | 'OPERATION_ENCOMPASS_12M'
  | 'ATTENDANCE_DROP'
  | 'IN_YEAR_SCHOOL_MOVES'
  | 'ALTERNATIVE_PROVISION'
  | 'FREE_SCHOOL_MEALS'
  | 'ELECTIVE_HOME_EDUCATION';

export interface EducationFlag extends Flag {
  code: EducationFlagCode;
}

/** `date`: ISO date of the latest event behind the finding; null when it is about the present state. */
export function amber(code: EducationFlagCode, summary: string, date: string | null = null): EducationFlag {
  return { code, severity: FlagSeverityValue.AMBER, summary, date };
}

export function green(code: EducationFlagCode, summary: string, date: string | null = null): EducationFlag {
  return { code, severity: FlagSeverityValue.GREEN, summary, date };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
