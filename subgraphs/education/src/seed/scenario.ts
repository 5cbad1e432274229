import { addDays, createRng, type ScenarioFacts } from '@mash/shared';
import { academicYearStart, previousTerm, termOn, yearGroup } from '../records/calendar';
import type { DashRisk, Enrolment, OperationEncompassNotification } from '../entities';
import { attendanceRows } from './attendance';
import { seedId } from './ids';
import type { SeedChild, SeedRows } from './rows';
import { enrolment } from './schooling';
import { PUPIL_REFERRAL_UNIT, SEED_SCHOOLS, mainstreamSchoolFor, type SeedSchool } from './schools';
import { schoolDay, termDay } from './terms';

/** This term's share of sessions missed by a child whose attendance dropped (last term under 8%). */
export const DROPPED_ABSENCE_RATE = 0.3;

/**
 * A child of a think-family scenario household (`person.scenario`): exactly what the scenario's
 * facts say and nothing of concern besides (no random suspensions, SEN or part-time timetable).
 * Every row's id derives from the person's key, so the same ids come back every run.
 */
export function addScenarioChild(child: SeedChild, rows: SeedRows): void {
  const { person, today } = child;
  const facts = person.scenario?.education ?? {};
  const enrolments = person.gaps.electiveHomeEducation ? homeEducated(child, rows) : onRoll(child, facts.inYearMoves ?? 0);
  rows.enrolments.push(...enrolments);
  const attendance = attendanceRows(child, enrolments);
  if (facts.attendanceDrop) dropThisTerm(attendance, today);
  rows.attendance.push(...attendance);
  rows.encompass.push(...scenarioEncompass(child, enrolments));
  if (facts.alternativeProvision) {
    rows.alternativeProvision.push({
      id: seedId(`ap:${person.key}`),
      pupilId: child.pupil.id,
      apReason: 'MHN',
      provider: PUPIL_REFERRAL_UNIT.name,
      startDate: termDay(addDays(today, -40)),
      endDate: null,
    });
  }
  if (facts.freeSchoolMeals) {
    rows.freeSchoolMeals.push({
      id: seedId(`fsm:${person.key}`),
      pupilId: child.pupil.id,
      startDate: schoolDay(`${academicYearStart(today) - 1}-09-03`),
      endDate: null,
    });
  }
}

/** Joined at the normal September entry, then `moves` in-year moves in the last 12 months, each to another school. */
function onRoll(child: SeedChild, moves: number): Enrolment[] {
  const { pupil, household, today } = child;
  const group = yearGroup(pupil.dateOfBirth, today);
  const pick = createRng(`education:${household.key}:scenario:${group <= 6 ? 'primary' : 'secondary'}`);
  const first = mainstreamSchoolFor(group, pupil.postcode, (items) => pick.pick(items));
  const schools = [first, ...SEED_SCHOOLS.filter((s) => s.phase === first.phase && s.urn !== first.urn)];
  const enrolments = [enrolment(child, first, normalEntry(first, group, today), 0)];
  for (let k = 1; k <= moves; k++) {
    // Spread over the last 12 months, in term, never in September (that would be normal entry).
    let moved = termDay(addDays(today, -Math.round((330 * (moves - k + 1)) / (moves + 1))));
    if (moved.slice(5, 7) === '09') moved = schoolDay(addDays(moved, 30));
    const previous = enrolments[enrolments.length - 1];
    if (moved <= previous.entryDate) continue;
    previous.leavingDate = moved;
    previous.onRoll = false;
    enrolments.push(enrolment(child, schools[k % schools.length], moved, k));
  }
  return enrolments;
}

/** Left the school last term to be home educated (notified the same day); the LA has not visited yet. */
function homeEducated(child: SeedChild, rows: SeedRows): Enrolment[] {
  const { pupil, household, today, person } = child;
  const leftOn = schoolDay(addDays(previousTerm(termOn(today)).start, 42));
  const group = yearGroup(pupil.dateOfBirth, leftOn);
  const pick = createRng(`education:${household.key}:scenario:${group <= 6 ? 'primary' : 'secondary'}`);
  const school = mainstreamSchoolFor(group, pupil.postcode, (items) => pick.pick(items));
  const previous = { ...enrolment(child, school, normalEntry(school, group, leftOn), 0), leavingDate: leftOn, onRoll: false };
  rows.homeEducation.push({
    id: seedId(`ehe:${person.key}`),
    pupilId: pupil.id,
    notifiedDate: leftOn,
    previousSchoolUrn: school.urn,
    laVisitDate: null,
    suitabilityOutcome: 'PENDING',
    endedDate: null,
  });
  return previous.entryDate < leftOn ? [previous] : [];
}

function normalEntry(school: SeedSchool, group: number, on: string): string {
  const yearsAgo = school.phase === 'SECONDARY' ? group - 7 : group;
  return schoolDay(`${academicYearStart(on) - Math.max(0, yearsAgo)}-09-03`);
}

/** This term's attendance falls to 70% (from last term's 92% or better). */
function dropThisTerm(attendance: SeedRows['attendance'], today: string): void {
  const term = termOn(today);
  for (const row of attendance.filter((a) => a.academicYear === term.academicYear && a.term === term.term)) {
    const missed = Math.ceil(row.sessionsPossible * DROPPED_ABSENCE_RATE);
    row.sessionsUnauthorised = Math.round(missed * 0.6);
    row.sessionsAuthorised = missed - row.sessionsUnauthorised;
  }
}

/**
 * Operation Encompass: when an adult of the household is named in police-attended domestic abuse
 * (the scenario's police facts), police told the child's school the next morning, twice in the
 * last 12 months, at the household's DASH level.
 */
function scenarioEncompass(child: SeedChild, enrolments: Enrolment[]): OperationEncompassNotification[] {
  const police = child.household.members.map((m) => (m.scenario as ScenarioFacts | undefined)?.police).filter((p) => p?.daVictim || p?.daPerpetrator);
  if (police.length === 0) return [];
  const risk: DashRisk = police.some((p) => p?.dashRisk === 'HIGH') ? 'HIGH' : police.some((p) => p?.dashRisk === 'STANDARD') ? 'STANDARD' : 'MEDIUM';
  return [150, 40].flatMap((ago, i) => {
    const day = schoolDay(addDays(child.today, -ago + 1));
    const at = enrolments.find((e) => e.entryDate <= day && (e.leavingDate === null || e.leavingDate > day));
    if (!at) return [];
    return [{
      id: seedId(`encompass:${child.person.key}:${i}`),
      pupilId: child.pupil.id,
      schoolUrn: at.schoolUrn,
      occurrenceRef: `WK-${addDays(child.today, -ago).replace(/-/g, '').slice(2)}-${String(7000 + i).padStart(4, '0')}`,
      receivedAt: new Date(`${day}T07:30:00Z`),
      dashRisk: risk,
      dslActionTaken: risk === 'HIGH' ? 'REFERRED_TO_MASH' : 'SUPPORT_IN_SCHOOL',
    }];
  });
}
