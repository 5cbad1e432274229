import type {
  ApReason,
  CmeReason,
  CmeStatus,
  DashRisk,
  DslAction,
  EheSuitabilityOutcome,
  EnrolStatus,
  ExclusionCategory,
  ExclusionReason,
  SchoolPhase,
  SenNeed,
  SenProvision,
  Term,
} from '../entities';

/**
 * Everything education holds on one matched pupil, loaded in one query (`records/load.ts`) for
 * the disclosed record and the flags. Identity beyond what those need stays with the candidate.
 * Dates are ISO strings (`YYYY-MM-DD`; timestamps in full ISO form).
 */
export interface PupilRecord {
  id: string;
  upn: string | null;
  upnTemporary: boolean;
  dateOfBirth: string;
  enrolments: EnrolmentRecord[];
  attendance: AttendanceRecord[];
  exclusions: ExclusionRecord[];
  sen: SenRecord | null;
  electiveHomeEducation: EheRecord[];
  childMissingEducation: CmeRecord[];
  operationEncompass: OperationEncompassRecord[];
  alternativeProvision: AlternativeProvisionRecord[];
  freeSchoolMeals: FsmRecord[];
}

export interface SchoolRecord {
  urn: string;
  name: string;
  phase: SchoolPhase;
  dslRole: string;
  dslPhone: string;
}

export interface EnrolmentRecord {
  school: SchoolRecord;
  entryDate: string;
  leavingDate: string | null;
  enrolStatus: EnrolStatus;
  partTime: boolean;
  onRoll: boolean;
}

export interface AttendanceRecord {
  academicYear: string;
  term: Term;
  sessionsPossible: number;
  sessionsAuthorised: number;
  sessionsUnauthorised: number;
}

export interface ExclusionRecord {
  startDate: string;
  category: ExclusionCategory;
  sessions: number | null;
  reasons: ExclusionReason[];
}

export interface SenRecord {
  provision: SenProvision;
  needs: SenNeed[];
  ehcpStart: string | null;
}

export interface EheRecord {
  notifiedDate: string;
  previousSchoolUrn: string | null;
  laVisitDate: string | null;
  suitabilityOutcome: EheSuitabilityOutcome;
  endedDate: string | null;
}

export interface CmeRecord {
  reportedDate: string;
  reason: CmeReason;
  status: CmeStatus;
  closedDate: string | null;
}

export interface OperationEncompassRecord {
  occurrenceRef: string;
  receivedAt: string;
  dashRisk: DashRisk | null;
  dslActionTaken: DslAction | null;
}

export interface AlternativeProvisionRecord {
  apReason: ApReason;
  provider: string;
  startDate: string;
  endDate: string | null;
}

export interface FsmRecord {
  startDate: string;
  endDate: string | null;
}
