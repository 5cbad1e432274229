import { addDays, weighted } from '@mash/shared';
import { yearGroup } from '../records/calendar';
import type { Exclusion, ExclusionReason } from '../entities';
import { seedId } from './ids';
import { type SeedChild } from './rows';
import { termDay } from './terms';

/** Rough shares of census reasons: persistent disruption dominates, assaults on adults next. */
const REASONS: readonly (readonly [ExclusionReason, number])[] = [
  ['DB', 35], ['VA', 14], ['PA', 10], ['VP', 8], ['PP', 10], ['DA', 5], ['OW', 4], ['BU', 3], ['DM', 4],
  ['MT', 3], ['RA', 1], ['SM', 1], ['TH', 1], ['LG', 0.5], ['DS', 0.5],
];

export interface ExclusionHistory {
  exclusions: Exclusion[];
  /** Date of a permanent exclusion, when there is one. */
  permanentOn: string | null;
}

/**
 * Households with the exclusion trait: most of their children from Year 2 have 1-4 suspensions
 * in the last 12 months at their school, and three in ten of those from Year 5 a permanent
 * exclusion afterwards. Elsewhere a few pupils from Year 3 have had a single suspension.
 */
export function exclusionHistory(child: SeedChild, schoolUrn: string, entryDate: string): ExclusionHistory {
  const { rng, today, household, pupil } = child;
  const none = { exclusions: [], permanentOn: null };
  const group = yearGroup(pupil.dateOfBirth, today);
  const trait = household.traits.exclusion && group >= 2 && rng.chance(0.75);
  if (!trait && !(group >= 3 && rng.chance(0.03))) return none;
  const earliest = entryDate > addDays(today, -330) ? entryDate : addDays(today, -330);
  const span = Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000) - 30;
  if (span < 10) return none;
  const dates = Array.from({ length: trait ? rng.int(1, 4) : 1 }, () => termDay(addDays(earliest, rng.int(0, span)))).sort();
  const exclusions = dates.map((startDate, i) => row(child, schoolUrn, startDate, 'SUSP', rng.int(1, 6), i));
  let permanentOn: string | null = null;
  if (trait && group >= 5 && rng.chance(0.3)) {
    permanentOn = termDay(addDays(dates[dates.length - 1], rng.int(7, 20)));
    if (permanentOn < addDays(today, -20)) exclusions.push(row(child, schoolUrn, permanentOn, 'PERM', null, dates.length));
    else permanentOn = null;
  }
  return { exclusions, permanentOn };
}

function row(
  child: SeedChild,
  schoolUrn: string,
  startDate: string,
  category: Exclusion['category'],
  sessions: number | null,
  index: number,
): Exclusion {
  const reasons = new Set<ExclusionReason>();
  const count = child.rng.int(1, 3);
  while (reasons.size < count) reasons.add(weighted(child.rng, REASONS));
  return {
    id: seedId(`exclusion:${child.person.key}:${index}`),
    pupilId: child.pupil.id,
    schoolUrn,
    startDate,
    category,
    sessions,
    reasons: [...reasons],
  };
}
