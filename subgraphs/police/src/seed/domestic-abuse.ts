import type { Rng } from '@mash/shared';
import {
  DASH_HONOUR_BASED_QUESTION, DASH_QUESTION_COUNT, DashAnswer, dashBand, DashRiskLevel, dashRiskRank, OccurrenceClassification, OccurrenceRole,
} from '../entities/codes';
import { plusHours, seedId } from './clock';
import { addOccurrence, type HouseholdSeed, type KnownMember } from './household';

const LEVELS = [DashRiskLevel.STANDARD, DashRiskLevel.MEDIUM, DashRiskLevel.HIGH];
const TICK_RANGE: Record<DashRiskLevel, [number, number]> = { STANDARD: [1, 9], MEDIUM: [10, 13], HIGH: [14, 20] };
/** ACPO DASH q10 (0-based 9): the non-abuser's children or dependants live in the home. */
const CHILDREN_IN_HOME = 9;
/** ACPO DASH q20 (0-based 19): others threatening, the honour-based violence question; YES only where a scenario says so. */
const HONOUR_BASED = DASH_HONOUR_BASED_QUESTION - 1;

/**
 * Police-attended domestic abuse (trait `domesticAbuse`): incidents at the household address in
 * the last 12 months, the latest at the trait's risk level, each with a DASH; children present
 * are recorded as INVOLVED; HIGH risk goes to MARAC.
 */
export function seedDomesticAbuse(seed: HouseholdSeed): void {
  const trait = seed.household.traits.domesticAbuse;
  if (!trait || seed.adults.length === 0) return;
  const level = DashRiskLevel[trait];
  const { rng } = seed;
  const victim = seed.adults.find((m) => m.view.gender === 'FEMALE') ?? seed.adults[0];
  const perpetrator = seed.adults.find((m) => m !== victim && m.person.role !== 'CHILD') ?? null;
  const hasChildren = seed.household.members.some((p) => seed.clock.ageOf(p.dateOfBirth) < 18);
  const count = level === DashRiskLevel.HIGH ? rng.int(2, 3) : level === DashRiskLevel.MEDIUM ? rng.int(1, 2) : 1;
  // Newest first: the latest incident carries the household's current (highest) risk.
  const days = [rng.int(5, 100)];
  for (let i = 1; i < count; i++) days.push(days[i - 1] + rng.int(20, 110));
  days.forEach((daysAgo, i) => {
    const risk = i === 0 ? level : rng.pick(LEVELS.filter((l) => dashRiskRank(l) <= dashRiskRank(level)));
    const childrenPresent = hasChildren && (i === 0 || rng.chance(0.6));
    addIncident(seed, { daysAgo, risk, childrenPresent, victim, perpetrator });
  });
  // An older incident outside the 12-month window, now and then, so the window is exercised.
  if (rng.chance(0.3)) {
    addIncident(seed, { daysAgo: rng.int(400, 900), risk: DashRiskLevel.STANDARD, childrenPresent: hasChildren, victim, perpetrator });
  }
}

interface Incident {
  daysAgo: number;
  risk: DashRiskLevel;
  childrenPresent: boolean;
  victim: KnownMember;
  perpetrator: KnownMember | null;
}

function addIncident(seed: HouseholdSeed, incident: Incident): void {
  const reportedAt = seed.clock.daysAgo(incident.daysAgo, seed.rng.int(0, 23));
  const people: [KnownMember, OccurrenceRole][] = [[incident.victim, OccurrenceRole.VICTIM]];
  if (incident.perpetrator) people.push([incident.perpetrator, OccurrenceRole.SUSPECT]);
  if (incident.childrenPresent) for (const child of seed.children) people.push([child, OccurrenceRole.INVOLVED]);
  const occurrenceId = addOccurrence(
    seed,
    { reportedAt, classification: OccurrenceClassification.DOMESTIC_ABUSE, domesticAbuse: true, childrenPresent: incident.childrenPresent },
    people,
  );
  const dash = dashFor(seed.rng, incident.risk, incident.childrenPresent);
  seed.rows.dashAssessments.push({
    id: seedId(`dash:${occurrenceId}`),
    occurrenceId,
    victimId: incident.victim.nominalId,
    perpetratorId: incident.perpetrator?.nominalId ?? null,
    completedAt: plusHours(reportedAt, seed.rng.int(1, 6)),
    ...dash,
    maracReferral: incident.risk === DashRiskLevel.HIGH,
  });
}

/** Answers whose YES count fits the risk band; now and then professional judgement raised the level. */
export function dashFor(rng: Rng, risk: DashRiskLevel, childrenPresent: boolean, honourBased = false) {
  const override = risk !== DashRiskLevel.STANDARD && rng.chance(0.15);
  const band = override ? LEVELS[dashRiskRank(risk) - 2] : risk;
  const [min, max] = TICK_RANGE[band];
  const tickCount = rng.int(min, max);
  // With children present, q10 (children in the home) is always among the YES answers.
  const fixed = [...(childrenPresent ? [CHILDREN_IN_HOME] : []), ...(honourBased ? [HONOUR_BASED] : [])];
  // q20 is YES only when asked: it alone raises HONOUR_BASED_ABUSE (filtered after the shuffle, so the draws stay the same).
  const others = rng.shuffle([...Array(DASH_QUESTION_COUNT).keys()].filter((q) => !fixed.includes(q))).filter((q) => q !== HONOUR_BASED);
  const yes = new Set([...fixed, ...others.slice(0, tickCount - fixed.length)]);
  const answers = [...Array(DASH_QUESTION_COUNT).keys()].map((q) => {
    if (yes.has(q)) return DashAnswer.YES;
    const roll = rng.next();
    return roll < 0.08 ? DashAnswer.NOT_KNOWN : roll < 0.11 ? DashAnswer.DECLINED : DashAnswer.NO;
  });
  if (dashBand(tickCount) !== band) throw new Error(`DASH tick count ${tickCount} does not fit ${band}`);
  return {
    answers,
    tickCount,
    riskLevel: risk,
    professionalJudgementOverride: override,
    overrideRationale: override ? 'Officer judgement: risk escalating faster than the count shows (recent threats, victim very frightened).' : null,
  };
}
