import { addDays, createRng, weighted } from '@mash/shared';
import { academicYearStart, yearGroup } from '../records/calendar';
import type { CmeReason } from '../entities';
import { seedId } from './ids';
import { type SeedChild, type SeedRows } from './rows';
import { enrolment } from './schooling';
import { mainstreamSchoolFor, type SeedSchool } from './schools';
import { schoolDay } from './terms';

/**
 * Home education is a family decision, so siblings share the notice date (one stream per
 * household). Most notices are visited within two months; about one in seven visits finds the
 * education unsuitable.
 */
export function addHomeEducation(child: SeedChild, rows: SeedRows): void {
  const { household, pupil, today } = child;
  const family = createRng(`education:${household.key}:ehe`);
  const notifiedDate = schoolDay(addDays(today, -family.int(14, 900)));
  const visited = notifiedDate < addDays(today, -30) && family.chance(0.8);
  const laVisitDate = visited ? addDays(notifiedDate, family.int(14, 28)) : null;
  const previous = previousSchool(child, notifiedDate);
  rows.homeEducation.push({
    id: seedId(`ehe:${child.person.key}`),
    pupilId: pupil.id,
    notifiedDate,
    previousSchoolUrn: previous?.schoolUrn ?? null,
    laVisitDate,
    suitabilityOutcome: laVisitDate ? (family.chance(0.85) ? 'SUITABLE' : 'NOT_SUITABLE') : 'PENDING',
    endedDate: null,
  });
  if (previous) rows.enrolments.push(previous);
}

/** A child the authority knows to be missing education, with the school they dropped off, if any. */
export function addMissingEducation(child: SeedChild, rows: SeedRows): void {
  const { rng, pupil, today, household } = child;
  const reportedDate = schoolDay(addDays(today, -rng.int(7, 240)));
  const group = yearGroup(pupil.dateOfBirth, reportedDate);
  const reason: CmeReason = pupil.upn
    ? weighted(rng, [['MOVED', 45], ['NOT_TRANSFERRED', 35], ['EXCLUDED_NO_AP', household.traits.exclusion ? 20 : 0]])
    : group <= 0
      ? 'NOT_STARTED'
      : 'ARRIVED_FROM_ABROAD';
  const previous = pupil.upn ? previousSchool(child, addDays(reportedDate, -rng.int(5, 40))) : null;
  if (previous) rows.enrolments.push(previous);
  rows.missingEducation.push({
    id: seedId(`cme:${child.person.key}`),
    pupilId: pupil.id,
    reportedDate,
    reason,
    status: 'OPEN',
    closedDate: null,
  });
}

/** The enrolment the child left on `leftOn`, when they had started school by then. */
function previousSchool(child: SeedChild, leftOn: string): ReturnType<typeof enrolment> | null {
  const group = yearGroup(child.pupil.dateOfBirth, leftOn);
  if (group < 0) return null;
  const school: SeedSchool = mainstreamSchoolFor(group, child.pupil.postcode, (items) => child.rng.pick(items));
  const yearsAgo = school.phase === 'SECONDARY' ? group - 7 : group;
  const entryDate = schoolDay(`${academicYearStart(leftOn) - Math.max(0, yearsAgo)}-09-03`);
  if (entryDate >= leftOn) return null;
  return { ...enrolment(child, school, entryDate, 0), leavingDate: leftOn, onRoll: false };
}
