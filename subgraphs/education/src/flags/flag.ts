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
  | 'OPERATION_ENCOMPASS_12M';

export interface EducationFlag extends Flag {
  code: EducationFlagCode;
}

export function amber(code: EducationFlagCode, summary: string): EducationFlag {
  return { code, severity: FlagSeverityValue.AMBER, summary };
}

export function green(code: EducationFlagCode, summary: string): EducationFlag {
  return { code, severity: FlagSeverityValue.GREEN, summary };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
