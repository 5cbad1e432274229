import { formatDate, humanise } from '../../components/format';
import type { SubjectData } from './model';
import { SummaryRows, words, yesNo, type Row } from './parts';

type RecordOf<F extends 'police' | 'socialCare' | 'health' | 'education'> = NonNullable<SubjectData[F]>['matches'][number]['record'];

const count = (items: readonly unknown[] | null | undefined, none: string, some: (n: number) => string | null) =>
  items === null || items === undefined ? null : items.length === 0 ? none : some(items.length);

function policeRows(record: RecordOf<'police'>): Row[] {
  return [
    ['PNC ID', record.pncId],
    ['Other names', record.aliases.length > 0 ? record.aliases.map((alias) => `${alias.givenName} ${alias.familyName}${alias.dateOfBirth ? ` (born ${formatDate(alias.dateOfBirth)})` : ''}`).join('; ') : null],
    ['Warning markers', count(record.warningMarkers, 'None active', () => record.warningMarkers!.map((marker) => `${humanise(marker.type)} (${marker.source}, since ${formatDate(marker.since)})`).join('; '))],
    [
      'Domestic abuse, last 12 months',
      count(record.domesticAbuseLast12Months, 'None', (n) =>
        `${n} incident${n === 1 ? '' : 's'}: ${record.domesticAbuseLast12Months!
          .map((incident) => `${incident.reference} on ${formatDate(incident.reportedOn)}${incident.dashRiskLevel ? `, DASH ${humanise(incident.dashRiskLevel).toLowerCase()}` : ''}${incident.childrenPresent ? ', children present' : ''}${incident.maracReferral ? ', referred to MARAC' : ''}`)
          .join('; ')}`),
    ],
    ['Missing episodes', record.missing ? `${record.missing.episodesLast12Months} in the last 12 months (${record.missing.episodesLast90Days} in 90 days)${record.missing.highestRiskLast12Months ? `, highest risk ${humanise(record.missing.highestRiskLast12Months).toLowerCase()}` : ''}` : null],
    ['Exploitation concerns', count(record.exploitationFlags, 'None', () => record.exploitationFlags!.map((flag) => `${humanise(flag.type)} (${humanise(flag.status).toLowerCase()}${flag.nrmReferral ? ', NRM referral' : ''}, ${formatDate(flag.flaggedOn)})`).join('; '))],
  ];
}

function socialCareRows(record: RecordOf<'socialCare'>): Row[] {
  return [
    ['Held as', record.isAdult ? 'An adult' : 'A child'],
    ['Open now', count(record.currentStatuses, 'Nothing open', () => words(record.currentStatuses))],
    ['Child protection plan', record.currentChildProtectionPlan ? `Since ${formatDate(record.currentChildProtectionPlan.startDate)}, category ${record.currentChildProtectionPlan.latestCategory}` : null],
    ['Earlier child protection plans', record.previousChildProtectionPlans === null || record.previousChildProtectionPlans === undefined ? null : String(record.previousChildProtectionPlans)],
    ['Looked after', record.currentLookedAfterEpisode ? `Since ${formatDate(record.currentLookedAfterEpisode.startDate)} (legal status ${record.currentLookedAfterEpisode.legalStatus}, placement ${record.currentLookedAfterEpisode.placementType})` : null],
    ['Open referral', record.openReferral ? `${formatDate(record.openReferral.referralDate)} from ${humanise(record.openReferral.source).toLowerCase()}, primary need ${record.openReferral.primaryNeed}` : null],
    ['Early help', record.openEarlyHelp ? `Since ${formatDate(record.openEarlyHelp.startDate)}, led by ${humanise(record.openEarlyHelp.leadAgency).toLowerCase()} (${humanise(record.openEarlyHelp.planStatus).toLowerCase()})` : null],
    ['Assessment factors', count(record.assessmentFactors, 'None recorded', () => record.assessmentFactors!.map((factor) => `${factor.description} (${factor.code}, ${formatDate(factor.assessedOn)})`).join('; '))],
    ['Adult safeguarding enquiries', count(record.openSection42Enquiries, 'None open', () => record.openSection42Enquiries!.map((enquiry) => `${enquiry.enquiryType === 'S42' ? 'Section 42' : 'Other'} enquiry from ${formatDate(enquiry.concernDate)}: ${words(enquiry.riskTypes)}`).join('; '))],
  ];
}

function healthRows(record: RecordOf<'health'>): Row[] {
  return [
    ['NHS number', record.nhsNumber ? `${record.nhsNumber} (${humanise(record.nhsNumberVerification).toLowerCase()})` : 'None held'],
    ['Restricted record', record.restricted ? 'Yes: address and GP withheld; ask the health single point of contact' : null],
    ['GP registration', record.gpRegistrationStatus ? `${humanise(record.gpRegistrationStatus)}${record.registeredPractice ? `: ${record.registeredPractice.name} (${record.registeredPractice.odsCode})` : ''}` : null],
    ['CP-IS', record.cpis ? `${record.cpis.planType} since ${formatDate(record.cpis.startDate)}, ${record.cpis.responsibleLocalAuthority}` : null],
    ['Unscheduled care, last 12 months', record.unscheduledCare ? `${record.unscheduledCare.attendancesLast12Months} attendance${record.unscheduledCare.attendancesLast12Months === 1 ? '' : 's'}${record.unscheduledCare.anyInjury ? ', for an injury' : ''}${record.unscheduledCare.anySafeguardingConcern ? ', a safeguarding concern raised' : ''}` : null],
    ['Not brought to appointments, last 12 months', record.wasNotBroughtLast12Months === null || record.wasNotBroughtLast12Months === undefined ? null : String(record.wasNotBroughtLast12Months)],
    ['Mental health services', count(record.openMentalHealthServices, 'None open', () => words(record.openMentalHealthServices))],
    ['Substance misuse service', yesNo(record.openToSubstanceMisuseService)],
  ];
}

function educationRows(record: RecordOf<'education'>): Row[] {
  const school = record.currentSchool;
  const attendance = record.attendanceThisYear;
  return [
    ['UPN', record.upn],
    ['School', school ? `${school.name} (${humanise(school.phase).toLowerCase()})` : record.onRoll === false ? 'On no school roll' : null],
    ['Safeguarding contact', school ? `${school.dslContact.role}, ${school.dslContact.phone}` : null],
    ['Part-time timetable', yesNo(record.partTime)],
    ['Attendance', attendance ? `${attendance.attendancePercent}% in ${attendance.academicYear}${attendance.severeAbsence ? ' (severe absence)' : attendance.persistentAbsence ? ' (persistent absence)' : ''}` : null],
    ['Exclusions, last 12 months', count(record.exclusionsLast12Months, 'None', () => record.exclusionsLast12Months!.map((exclusion) => `${humanise(exclusion.category)} from ${formatDate(exclusion.startDate)}${exclusion.sessions ? `, ${exclusion.sessions} sessions` : ''}`).join('; '))],
    ['Special educational needs', record.senProvision ? humanise(record.senProvision) : null],
    ['Free school meals', yesNo(record.freeSchoolMeals)],
    ['Missing education', record.childMissingEducation ? `${humanise(record.childMissingEducation.status)}: ${humanise(record.childMissingEducation.reason).toLowerCase()}, reported ${formatDate(record.childMissingEducation.reportedDate)}` : null],
    ['Home education', record.electiveHomeEducation ? `${record.electiveHomeEducation.current ? 'Current' : 'Ended'}, notified ${formatDate(record.electiveHomeEducation.notifiedDate)}, ${humanise(record.electiveHomeEducation.suitabilityOutcome).toLowerCase()}` : null],
  ];
}

/** What a MATCHED agency record holds, as the agreement released it. */
export function AgencyRecord({ subject, field }: { subject: SubjectData; field: 'police' | 'socialCare' | 'health' | 'education' }) {
  const rows =
    field === 'police' ? policeRows(subject.police!.matches[0].record)
    : field === 'socialCare' ? socialCareRows(subject.socialCare!.matches[0].record)
    : field === 'health' ? healthRows(subject.health!.matches[0].record)
    : educationRows(subject.education!.matches[0].record);
  return <SummaryRows rows={rows} className="govuk-summary-list--no-border app-case-record" />;
}
