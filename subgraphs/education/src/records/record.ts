import type { DisclosureRules, RecordContext } from '@mash/shared';
import type { PupilCandidate } from '../matching/candidates';
import type { EducationRecord } from '../types/education-record.type';
import type { PupilRecord } from './pupil-record';
import {
  activeHomeEducation,
  attendanceThisYear,
  currentAlternativeProvision,
  currentFreeSchoolMeals,
  currentEnrolment,
  encompassDaysLast12Months,
  exclusionsLast12Months,
  latestHomeEducation,
  latestMissingEducation,
} from './pupil-status';

/**
 * The pupil as the grant lets it be disclosed, before anything is summarised or flagged. An
 * Operation Encompass notification is police domestic-abuse information, so the ISA rule on
 * standard-risk domestic abuse governs it as it governs the police incident itself.
 */
export function disclosable(pupil: PupilRecord, disclose: DisclosureRules): PupilRecord {
  const operationEncompass = pupil.operationEncompass.filter((n) => disclose.domesticAbuse(n.dashRisk));
  return operationEncompass.length === pupil.operationEncompass.length ? pupil : { ...pupil, operationEncompass };
}

/** Identity only, for a possible (AMBIGUOUS) match. */
export function identityRecord(pupil: Pick<PupilCandidate, 'id' | 'upn'>): EducationRecord {
  return {
    id: pupil.id,
    upn: pupil.upn,
    upnTemporary: null,
    currentSchool: null,
    onRoll: null,
    partTime: null,
    attendanceThisYear: null,
    exclusionsLast12Months: null,
    senProvision: null,
    electiveHomeEducation: null,
    childMissingEducation: null,
    operationEncompass: null,
    alternativeProvision: null,
    freeSchoolMeals: null,
  };
}

/** The MASH summary of a matched pupil on the reference date, with the grant's obligations applied. */
export function educationRecord(record: PupilRecord, context: RecordContext): EducationRecord {
  const pupil = disclosable(record, context.disclose);
  const on = context.asOf;
  const enrolment = currentEnrolment(pupil, on);
  const attendance = attendanceThisYear(pupil.attendance, on);
  const homeEducation = latestHomeEducation(pupil, on);
  const missing = latestMissingEducation(pupil, on);
  const encompass = encompassDaysLast12Months(pupil.operationEncompass, on);
  const placement = currentAlternativeProvision(pupil, on);
  return {
    ...identityRecord(pupil),
    upnTemporary: pupil.upnTemporary,
    currentSchool: enrolment && {
      urn: enrolment.school.urn,
      name: enrolment.school.name,
      phase: enrolment.school.phase,
      dslContact: { role: enrolment.school.dslRole, phone: enrolment.school.dslPhone },
    },
    onRoll: enrolment !== null,
    partTime: enrolment?.partTime ?? false,
    attendanceThisYear: attendance && {
      academicYear: attendance.academicYear,
      sessionsPossible: attendance.sessionsPossible,
      attendancePercent: Math.round((1 - attendance.absenceRate) * 1000) / 10,
      persistentAbsence: attendance.persistentAbsence,
      severeAbsence: attendance.severeAbsence,
    },
    exclusionsLast12Months: exclusionsLast12Months(pupil.exclusions, on)
      .sort((a, b) => b.startDate.localeCompare(a.startDate))
      .map(({ startDate, category, sessions, reasons }) => ({ startDate, category, sessions, reasons })),
    senProvision: pupil.sen?.provision ?? 'N',
    electiveHomeEducation: homeEducation && {
      current: activeHomeEducation(pupil, on) !== null,
      notifiedDate: homeEducation.notifiedDate,
      previousSchoolUrn: homeEducation.previousSchoolUrn,
      laVisitDate: homeEducation.laVisitDate,
      suitabilityOutcome: homeEducation.suitabilityOutcome,
    },
    childMissingEducation: missing && {
      reportedDate: missing.reportedDate,
      reason: missing.reason,
      status: missing.status,
      closedDate: missing.closedDate,
    },
    operationEncompass: { notificationsLast12Months: encompass.length, latestReceivedOn: encompass.at(-1) ?? null },
    alternativeProvision: placement && { reason: placement.apReason, provider: placement.provider, startDate: placement.startDate },
    freeSchoolMeals: currentFreeSchoolMeals(pupil, on) !== null,
  };
}
