import { addDays, createRng, weighted, type Household } from '@mash/shared';
import type { DashRisk, DslAction, Enrolment, OperationEncompassNotification } from '../entities';
import { seedId } from './ids';
import { type SeedChild } from './rows';
import { schoolDay } from './terms';

interface Incident {
  occurrenceRef: string;
  /** When the school heard: before the start of the next school day (Operation Encompass). */
  receivedAt: Date;
  risk: DashRisk;
}

const UP_TO: Record<DashRisk, readonly DashRisk[]> = {
  STANDARD: ['STANDARD'],
  MEDIUM: ['STANDARD', 'MEDIUM'],
  HIGH: ['STANDARD', 'MEDIUM', 'HIGH'],
};

/**
 * The household's police-attended domestic abuse incidents, the same for every child in it (one
 * stream per household): the latest at the household's highest DASH level, a few in the last 12
 * months and now and then an older one.
 */
export function householdIncidents(household: Household, today: string): Incident[] {
  const level = household.traits.domesticAbuse;
  if (!level) return [];
  const rng = createRng(`education:${household.key}:incidents`);
  const recent = rng.int(1, level === 'HIGH' ? 3 : 2);
  const daysAgo = Array.from({ length: recent }, () => rng.int(3, 330));
  if (rng.chance(0.3)) daysAgo.push(rng.int(400, 700));
  daysAgo.sort((a, b) => a - b);
  return daysAgo.map((ago, i) => {
    const day = schoolDay(addDays(today, -ago + 1));
    const minutes = rng.int(0, 50);
    return {
      occurrenceRef: `WK-${addDays(today, -ago).replace(/-/g, '').slice(2)}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
      receivedAt: new Date(`${day}T07:${String(minutes).padStart(2, '0')}:00Z`),
      risk: i === 0 ? level : rng.pick(UP_TO[level]),
    };
  });
}

/** One notification per incident to the school the child was on roll at when it was sent. */
export function encompassRows(child: SeedChild, enrolments: Enrolment[]): OperationEncompassNotification[] {
  return householdIncidents(child.household, child.today).flatMap((incident, i) => {
    const day = incident.receivedAt.toISOString().slice(0, 10);
    const at = enrolments.find((e) => e.entryDate <= day && (e.leavingDate === null || e.leavingDate > day));
    if (!at || day > child.today) return [];
    const pending = day > addDays(child.today, -5);
    return [{
      id: seedId(`encompass:${child.person.key}:${i}`),
      pupilId: child.pupil.id,
      schoolUrn: at.schoolUrn,
      occurrenceRef: incident.occurrenceRef,
      receivedAt: incident.receivedAt,
      dashRisk: incident.risk,
      dslActionTaken: pending ? null : dslAction(child, incident.risk),
    }];
  });
}

function dslAction(child: SeedChild, risk: DashRisk): DslAction {
  const options: Record<DashRisk, readonly (readonly [DslAction, number])[]> = {
    HIGH: [['REFERRED_TO_MASH', 6], ['SUPPORT_IN_SCHOOL', 3], ['MONITORING', 1]],
    MEDIUM: [['SUPPORT_IN_SCHOOL', 4], ['EARLY_HELP', 3], ['MONITORING', 3]],
    STANDARD: [['MONITORING', 5], ['SUPPORT_IN_SCHOOL', 3], ['NONE_REQUIRED', 2]],
  };
  return weighted(child.rng, options[risk]);
}
