import { addDays } from '@mash/shared';
import { stableId } from './ids';
import type { HealthRows, SeedHousehold, SeedMember } from './rows';

// The think-family demo households (population.scenarios): exactly what `person.scenario.health`
// says, with fixed dates counted back from the reference date, so every run writes the same rows.

/** Days before the reference date each scenario event happened. */
const DAYS_AGO = { mhReferral: 240, treatmentStart: 150, delivery: 91, fgmRecorded: 420, attendance: 45 } as const;
const LATE_WEEKS = 18;
const ON_TIME_WEEKS = 10;

export function scenarioRecords(context: SeedHousehold, rows: HealthRows): void {
  const { referenceDate } = context;
  const ago = (days: number) => addDays(referenceDate, -days);
  for (const member of context.members) {
    const facts = member.person.scenario?.health;
    if (!facts) continue;
    const key = member.person.key;
    if (facts.mentalHealth) {
      rows.mentalHealthInvolvements.push({
        id: stableId('scenario', 'mental_health_involvement', key),
        patientId: member.patientId,
        service: facts.maternity ? 'PERINATAL' : 'AMHS',
        open: true,
        referralDate: ago(DAYS_AGO.mhReferral),
        dischargeDate: null,
        mhaSection: null,
        mhaDetainedFrom: null,
        mhaDetainedTo: null,
        riskSummary: 'Risk to self when unwell; engaging with care coordinator',
      });
    }
    if (facts.substanceMisuse) {
      rows.substanceMisuseTreatments.push({
        id: stableId('scenario', 'substance_misuse_treatment', key),
        patientId: member.patientId,
        provider: 'Change and Recovery Warwickshire',
        substanceCategory: 'ALCOHOL',
        open: true,
        startDate: ago(DAYS_AGO.treatmentStart),
        endDate: null,
      });
    }
    if (facts.maternity) maternity(member, facts.maternity.lateBooking, context, rows);
    if (facts.fgm) {
      const girl = member.age < 18;
      const recorded = ago(DAYS_AGO.fgmRecorded);
      rows.fgmRecords.push({
        id: stableId('scenario', 'fgm_record', key),
        patientId: member.patientId,
        // FGM-IS holds indicators for girls only; a woman's FGM is identified on her GP or maternity record.
        kind: girl ? 'FGM_IS_INDICATOR' : 'FGM_IDENTIFIED',
        recordedDate: recorded > member.view.dateOfBirth ? recorded : member.view.dateOfBirth,
        active: true,
      });
    }
    if (facts.daRelatedAttendance) {
      rows.unscheduledCareAttendances.push({
        id: stableId('scenario', 'unscheduled_care_attendance', key),
        patientId: member.patientId,
        arrivalAt: new Date(`${ago(DAYS_AGO.attendance)}T23:40:00Z`),
        site: 'Hospital of St Cross UTC, Rugby',
        chiefComplaint: 'Facial injury',
        injury: true,
        safeguardingConcern: true,
        leftBeforeTreatment: false,
        presentation: 'DOMESTIC_ABUSE',
      });
    }
  }
}

/**
 * A delivery about three months ago, booked late (after 12 weeks) or on time. The baby's own
 * record is linked when health holds one: the household's youngest child under one; a baby
 * unknown to health (born at home, never registered) leaves the link empty.
 */
function maternity(mother: SeedMember, lateBooking: boolean, context: SeedHousehold, rows: HealthRows): void {
  const baby = context.members.filter((member) => member !== mother && member.age === 0).sort((a, b) => b.view.dateOfBirth.localeCompare(a.view.dateOfBirth))[0];
  const infant = context.household.members.filter((person) => person.key !== mother.person.key && person.role === 'CHILD')
    .map((person) => person.dateOfBirth).filter((born) => addDays(born, 365) > context.referenceDate).sort().at(-1);
  const delivered = baby?.view.dateOfBirth ?? infant ?? addDays(context.referenceDate, -DAYS_AGO.delivery);
  const weeks = lateBooking ? LATE_WEEKS : ON_TIME_WEEKS;
  const edd = addDays(delivered, 4);
  rows.maternityEpisodes.push({
    id: stableId('scenario', 'maternity_episode', mother.person.key),
    patientId: mother.patientId,
    bookingDate: addDays(edd, -(40 - weeks) * 7),
    gestationAtBookingWeeks: weeks,
    edd,
    deliveryDate: delivered,
    babyPatientId: baby?.patientId ?? null,
    antenatalDnaCount: lateBooking ? 2 : 0,
    concernsAtBooking: [],
  });
}
