import { addDays, createRng } from '@mash/shared';
import { academicYearStart, yearGroup } from '../records/calendar';
import type { Enrolment } from '../entities';
import { seedId } from './ids';
import { attendanceRows } from './attendance';
import { exclusionHistory } from './exclusions';
import { PUPIL_REFERRAL_UNIT, SPECIAL_SCHOOL, mainstreamSchoolFor, type SeedSchool } from './schools';
import { encompassRows } from './encompass';
import { senRow } from './sen';
import { schoolDay } from './terms';
import type { SeedChild, SeedRows } from './rows';

/** A child on a school roll: enrolment, attendance, exclusions, SEN and Operation Encompass. */
export function addSchooling(child: SeedChild, rows: SeedRows): void {
  const { pupil, household, rng, today } = child;
  const group = yearGroup(pupil.dateOfBirth, today);
  const sen = senRow(child);
  if (sen) rows.sen.push(sen);
  const special = sen?.provision === 'E' && rng.chance(0.3);
  // Siblings in the same phase go to the same school: one stream per household and phase.
  const phaseStream = createRng(`education:${household.key}:${group <= 6 ? 'primary' : 'secondary'}`);
  const school = special ? SPECIAL_SCHOOL : mainstreamSchoolFor(group, pupil.postcode, (items) => phaseStream.pick(items));
  const entryDate = firstDayAt(school, group, today);
  const history = exclusionHistory(child, school.urn, entryDate);
  rows.exclusions.push(...history.exclusions);

  const enrolments: Enrolment[] = [];
  const main = enrolment(child, school, entryDate, 0);
  enrolments.push(main);
  if (history.permanentOn) {
    // The excluded pupil stays on roll until the governors' review, then the PRU takes them.
    main.leavingDate = schoolDay(addDays(history.permanentOn, 15));
    main.onRoll = false;
    const placement = enrolment(child, PUPIL_REFERRAL_UNIT, schoolDay(addDays(main.leavingDate, 1)), 1);
    placement.partTime = rng.chance(0.5);
    enrolments.push(placement);
  } else {
    main.partTime = household.traits.exclusion && rng.chance(0.25);
  }
  rows.enrolments.push(...enrolments);
  rows.attendance.push(...attendanceRows(child, enrolments));
  rows.encompass.push(...encompassRows(child, enrolments));
}

/** Joined at Reception, or at Year 7 for a secondary school, on the first day of that year. */
function firstDayAt(school: SeedSchool, group: number, today: string): string {
  const yearsAgo = school.phase === 'SECONDARY' ? group - 7 : group;
  return schoolDay(`${academicYearStart(today) - Math.max(0, yearsAgo)}-09-03`);
}

export function enrolment(child: SeedChild, school: SeedSchool, entryDate: string, index: number): Enrolment {
  return {
    id: seedId(`enrolment:${child.person.key}:${index}`),
    pupilId: child.pupil.id,
    schoolUrn: school.urn,
    entryDate,
    leavingDate: null,
    enrolStatus: 'C',
    partTime: false,
    onRoll: true,
  };
}
