import { academicYearLabel, academicYearStart } from '../records/calendar';
import type { AttendanceSummary, Enrolment } from '../entities';
import { seedId } from './ids';
import type { SeedChild } from './rows';
import { sessionsPossible, termWindows } from './terms';

/**
 * Last academic year and this one so far, per term, at the school the child was on roll at when
 * the term began. Persistently absent children miss 12-30% of sessions (so every term clears the
 * 10% line), the rest under 8%.
 */
export function attendanceRows(child: SeedChild, enrolments: Enrolment[]): AttendanceSummary[] {
  const { rng, today, household, demo } = child;
  const persistent = household.traits.persistentAbsence && (demo || rng.chance(0.75));
  const base = persistent ? 0.12 + rng.next() * 0.18 : rng.next() ** 2 * 0.08;
  const unauthorisedShare = persistent ? 0.4 + rng.next() * 0.3 : 0.1 + rng.next() * 0.3;
  const thisYear = academicYearStart(today);
  const rows: AttendanceSummary[] = [];
  for (const startYear of [thisYear - 1, thisYear]) {
    for (const window of termWindows(startYear)) {
      const at = enrolmentAt(enrolments, window.start, window.end);
      if (!at || at.entryDate >= today) continue;
      const possible = sessionsPossible({ ...window, start: at.entryDate > window.start ? at.entryDate : window.start }, today);
      if (possible === 0) continue;
      const rate = Math.min(0.95, base * (0.85 + rng.next() * 0.3));
      const missed = persistent ? Math.ceil(possible * rate) : Math.floor(possible * rate);
      const unauthorised = Math.round(missed * unauthorisedShare);
      rows.push({
        id: seedId(`attendance:${child.person.key}:${startYear}:${window.term}`),
        pupilId: child.pupil.id,
        schoolUrn: at.schoolUrn,
        academicYear: academicYearLabel(startYear),
        term: window.term,
        sessionsPossible: possible,
        sessionsAuthorised: missed - unauthorised,
        sessionsUnauthorised: unauthorised,
      });
    }
  }
  return rows;
}

/** On roll when the term began, or else joined during it. */
function enrolmentAt(enrolments: Enrolment[], start: string, end: string): Enrolment | undefined {
  const onRoll = enrolments.filter((e) => e.entryDate <= start && (e.leavingDate === null || e.leavingDate > start));
  return onRoll.at(-1) ?? enrolments.find((e) => e.entryDate > start && e.entryDate < end);
}
