import { addDays, ageOn, weighted, type Rng } from '@mash/shared';
import type { AppointmentType } from '../entities/code-lists';
import type { UnscheduledCareAttendance, WasNotBroughtEvent } from '../entities';
import { stableId } from './ids';
import type { SeedHousehold, SeedMember } from './rows';

const SITES = [
  'Warwick Hospital ED', 'George Eliot Hospital ED, Nuneaton', 'Hospital of St Cross UTC, Rugby',
  'Stratford Hospital MIU', 'University Hospital Coventry ED',
];
const INJURIES = ['Head injury', 'Limb injury', 'Burn or scald', 'Fall', 'Laceration'];
const ILLNESSES = ['Breathing difficulty', 'Fever', 'Abdominal pain', 'Rash', 'Vomiting', 'Headache'];

/** Recent events fall within 330 days of the reference date, inside any 12-month window near it. */
const RECENT_DAYS = 330;


function daysSince(date: string, referenceDate: string): number {
  return Math.floor((Date.parse(referenceDate) - Date.parse(date)) / 86_400_000);
}

/** A day up to `maxDaysBack` before the reference date, never before the person was born. */
function recentDay(member: SeedMember, context: SeedHousehold, rng: Rng, maxDaysBack = RECENT_DAYS): string {
  const span = Math.max(0, Math.min(maxDaysBack, daysSince(member.view.dateOfBirth, context.referenceDate)));
  return addDays(context.referenceDate, -rng.int(0, span));
}

function householdAtRisk(context: SeedHousehold): boolean {
  const { traits } = context.household;
  return traits.domesticAbuse === 'HIGH' || traits.childProtectionPlan || traits.missingChild || traits.exploitation !== null;
}

/** ED / MIU attendances: a few for anyone, more where the household is at risk, most for the demo RED children. */
export function attendanceRows(member: SeedMember, context: SeedHousehold, rng: Rng): UnscheduledCareAttendance[] {
  const risk = householdAtRisk(context);
  const child = member.age < 18;
  const recent = context.demoRed && child
    ? rng.int(3, 4)
    : weighted(rng, risk ? [[0, 40], [1, 30], [2, 20], [3, 10]] : [[0, 82], [1, 14], [2, 3], [3, 1]]);
  const older = rng.chance(0.2) ? rng.int(1, 2) : 0;
  const rows: UnscheduledCareAttendance[] = [];
  const add = (day: string, injury: boolean, complaint?: string) => {
    const arrival = new Date(`${day}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
    rows.push({
      id: stableId('unscheduled_care_attendance', member.person.key, rows.length),
      patientId: member.patientId,
      arrivalAt: arrival,
      site: rng.pick(SITES),
      chiefComplaint: complaint ?? rng.pick(injury ? INJURIES : ILLNESSES),
      injury,
      safeguardingConcern: injury && risk && rng.chance(0.5),
      leftBeforeTreatment: rng.chance(0.05),
      presentation: null,
    });
  };
  // Everyday injuries start once a child is mobile; an injured baby is seeded only on purpose, below.
  const everyday = (day: string) => rng.chance(0.3) && ageOn(member.view.dateOfBirth, day) >= 1;
  for (let i = 0; i < recent; i++) {
    const day = recentDay(member, context, rng);
    add(day, (context.demoRed && child && i === 0) || everyday(day));
  }
  for (let i = 0; i < older; i++) {
    const day = addDays(context.referenceDate, -rng.int(400, 1000));
    add(day, everyday(day));
  }
  // A non-mobile baby in a household at risk: the attendance the RED infant-injury flag exists for.
  if (member.age === 0 && risk && rng.chance(0.35)) add(recentDay(member, context, rng), true, 'Bruising');
  const abuse = context.household.traits.domesticAbuse;
  if (!child && (abuse === 'HIGH' || abuse === 'MEDIUM') && rng.chance(0.3)) add(recentDay(member, context, rng), true, 'Assault');
  return rows.filter((row) => row.arrivalAt.toISOString().slice(0, 10) >= member.view.dateOfBirth);
}

/** Children's missed appointments: a pattern in households with concerns, two or three for the demo RED children. */
export function wasNotBroughtRows(member: SeedMember, context: SeedHousehold, rng: Rng): WasNotBroughtEvent[] {
  if (member.age >= 18) return [];
  const { traits } = context.household;
  const concern = traits.childInNeed || traits.childProtectionPlan || traits.parentalSubstanceMisuse
    || traits.parentalMentalHealth || traits.persistentAbsence;
  const count = context.demoRed ? rng.int(2, 3) : concern ? (rng.chance(0.6) ? rng.int(1, 3) : 0) : rng.chance(0.08) ? 1 : 0;
  const types: AppointmentType[] = member.age < 5
    ? ['HEALTH_VISITING', 'GP', 'DENTAL']
    : ['GP', 'DENTAL', 'OUTPATIENT', 'SCHOOL_NURSING', 'CAMHS'];
  return Array.from({ length: count }, (_, index) => ({
    id: stableId('was_not_brought_event', member.person.key, index),
    patientId: member.patientId,
    appointmentType: rng.pick(types),
    appointmentDate: recentDay(member, context, rng),
  }));
}
