import type { ScenarioFacts } from '@mash/shared';
import {
  DashRiskLevel, dashRiskRank, ExploitationStatus, ExploitationType, MarkerSource, MissingRiskLevel, OccurrenceClassification, OccurrenceRole,
  WarningMarkerType,
} from '../entities/codes';
import { plusHours, seedId } from './clock';
import { dashFor } from './domestic-abuse';
import { addOccurrence, type HouseholdSeed, type KnownMember } from './household';

type PoliceFacts = NonNullable<ScenarioFacts['police']>;

const factsOf = (member: KnownMember): PoliceFacts => member.person.scenario?.police ?? {};

/** Incidents in the last 12 months by the household's DASH level, newest first (days before the reference date). */
const INCIDENT_DAYS: Record<DashRiskLevel, number[]> = { HIGH: [12, 75, 160], MEDIUM: [30, 140], STANDARD: [60] };
const LEVELS = [DashRiskLevel.STANDARD, DashRiskLevel.MEDIUM, DashRiskLevel.HIGH];

/** Types police find together with a child in another force area, cash and phones: confirmed, NRM referral made. */
const CONFIRMED_TYPES: readonly string[] = [ExploitationType.CCE, ExploitationType.COUNTY_LINES, ExploitationType.TRAFFICKING];

/**
 * A think-family scenario household (`person.scenario.police`, packages/shared synthetic
 * scenarios): exactly the facts each member's scenario states, on fixed days, so every run writes
 * the same rows. Only members known to police are in `seed.members`; the others get nothing.
 */
export function seedScenario(seed: HouseholdSeed): void {
  seedScenarioDomesticAbuse(seed);
  for (const member of seed.members) {
    const facts = factsOf(member);
    const key = member.person.key;
    if (facts.violentMarker) {
      seed.rows.warningMarkers.push({
        id: seedId(`marker:${key}:${WarningMarkerType.VIOLENT}`), nominalId: member.nominalId, type: WarningMarkerType.VIOLENT,
        source: MarkerSource.PNC, createdDate: seed.clock.dateDaysAgo(420), active: true,
      });
    }
    if (facts.mappa || facts.registeredSexOffender) {
      const category = facts.mappa?.category ?? null;
      seed.rows.offenderManagement.push({
        id: seedId(`offender-management:${key}`), nominalId: member.nominalId, mappaCategory: category, mappaLevel: facts.mappa?.level ?? null,
        // MAPPA category 1 is registered sex offenders by definition.
        registeredSexOffender: (facts.registeredSexOffender ?? false) || category === 1, shpo: false, visor: true,
      });
    }
    (facts.exploitation ?? []).forEach((type, i) => {
      const confirmed = CONFIRMED_TYPES.includes(type);
      seed.rows.exploitationFlags.push({
        id: seedId(`exploitation:${key}:${type}`), nominalId: member.nominalId, type: ExploitationType[type],
        status: confirmed ? ExploitationStatus.CONFIRMED : ExploitationStatus.SUSPECTED, nrmReferral: confirmed,
        flaggedOn: seed.clock.dateDaysAgo(25 + 10 * i),
      });
    });
    seedScenarioMissing(seed, member, facts.missingEpisodes ?? 0);
    if (facts.hateCrimeVictim) {
      addOccurrence(seed, { reportedAt: seed.clock.daysAgo(45, 15), classification: OccurrenceClassification.HATE_CRIME, atHousehold: false }, [
        [member, OccurrenceRole.VICTIM],
      ]);
    }
    if (facts.honourBasedAbuse) {
      addOccurrence(seed, { reportedAt: seed.clock.daysAgo(10, 11), classification: OccurrenceClassification.HONOUR_BASED_ABUSE }, [
        [member, OccurrenceRole.VICTIM],
      ]);
    }
  }
}

/**
 * The DA victims and perpetrators of the household named together in the same occurrences at the
 * household address, the latest at the household's DASH level (default MEDIUM), earlier ones a
 * level lower; children known to police are INVOLVED; HIGH goes to MARAC.
 */
function seedScenarioDomesticAbuse(seed: HouseholdSeed): void {
  const victims = seed.members.filter((m) => factsOf(m).daVictim);
  const perpetrators = seed.members.filter((m) => factsOf(m).daPerpetrator);
  if (victims.length === 0 && perpetrators.length === 0) return;
  const level = [...victims, ...perpetrators]
    .map((m) => DashRiskLevel[factsOf(m).dashRisk ?? 'MEDIUM'])
    .reduce((top, l) => (dashRiskRank(l) > dashRiskRank(top) ? l : top), DashRiskLevel.STANDARD);
  const childrenPresent = seed.household.members.some((p) => seed.clock.ageOf(p.dateOfBirth) < 18);
  INCIDENT_DAYS[level].forEach((days, i) => {
    const risk = i === 0 ? level : LEVELS[Math.max(0, dashRiskRank(level) - 2)];
    const reportedAt = seed.clock.daysAgo(days, 22);
    const people: [KnownMember, OccurrenceRole][] = [
      ...victims.map((m): [KnownMember, OccurrenceRole] => [m, OccurrenceRole.VICTIM]),
      ...perpetrators.map((m): [KnownMember, OccurrenceRole] => [m, OccurrenceRole.SUSPECT]),
      ...(childrenPresent ? seed.children.map((m): [KnownMember, OccurrenceRole] => [m, OccurrenceRole.INVOLVED]) : []),
    ];
    const occurrenceId = addOccurrence(
      seed,
      { reportedAt, classification: OccurrenceClassification.DOMESTIC_ABUSE, domesticAbuse: true, childrenPresent },
      people,
    );
    // A DASH needs a victim nominal; none when the victim is not known to police.
    if (victims.length === 0) return;
    seed.rows.dashAssessments.push({
      id: seedId(`dash:${occurrenceId}`),
      occurrenceId,
      victimId: victims[0].nominalId,
      perpetratorId: perpetrators[0]?.nominalId ?? null,
      completedAt: plusHours(reportedAt, 2),
      ...dashFor(seed.rng, risk, childrenPresent),
      maracReferral: risk === DashRiskLevel.HIGH,
    });
  });
}

/** `count` episodes in the last 12 months, the latest within 90 days; one HIGH risk when 3 or more. */
function seedScenarioMissing(seed: HouseholdSeed, member: KnownMember, count: number): void {
  const step = Math.floor(320 / Math.max(count, 1));
  for (let i = 0; i < count; i++) {
    const reportedAt = seed.clock.daysAgo(20 + i * step, 21);
    const foundAt = plusHours(reportedAt, 18);
    seed.rows.missingEpisodes.push({
      id: seedId(`missing:${member.person.key}:${i}`),
      nominalId: member.nominalId,
      reportedAt,
      lastSeenAt: plusHours(reportedAt, -3),
      foundAt,
      riskLevel: count >= 3 && i === 1 ? MissingRiskLevel.HIGH : MissingRiskLevel.MEDIUM,
      fromCare: false,
      safeAndWellCheckAt: plusHours(foundAt, 4),
    });
  }
}
