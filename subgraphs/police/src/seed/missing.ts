import { ExploitationStatus, ExploitationType, MissingRiskLevel } from '../entities/codes';
import { plusHours, seedId } from './clock';
import type { HouseholdSeed, KnownMember } from './household';

const ORDINARY_RISKS = [MissingRiskLevel.VERY_LOW, MissingRiskLevel.LOW, MissingRiskLevel.LOW, MissingRiskLevel.MEDIUM];

/** The child most likely to go missing: the oldest known child, preferring teenagers (10+). */
export function likelyTeenager(seed: HouseholdSeed): KnownMember | null {
  return seed.children.find((child) => child.age >= 10) ?? seed.children[0] ?? null;
}

/**
 * Missing child (trait `missingChild`): episodes in the last 12 months. The demo RED household's
 * child is a repeat missing child (four episodes, one within 90 days, one HIGH risk); elsewhere
 * mostly one or two lower-risk episodes.
 */
export function seedMissing(seed: HouseholdSeed): void {
  if (!seed.household.traits.missingChild) return;
  const child = likelyTeenager(seed);
  if (!child) return;
  const { rng } = child;
  const count = seed.isDemoRed ? 4 : rng.chance(0.2) ? 3 : rng.int(1, 2);
  const highAt = seed.isDemoRed ? 1 : rng.chance(0.1) ? 0 : -1;
  let daysAgo = seed.isDemoRed ? rng.int(10, 60) : rng.int(10, 200);
  for (let i = 0; i < count; i++) {
    const reportedAt = seed.clock.daysAgo(daysAgo, rng.int(16, 23));
    const foundAt = plusHours(reportedAt, rng.int(4, 48));
    seed.rows.missingEpisodes.push({
      id: seedId(`missing:${child.person.key}:${i}`),
      nominalId: child.nominalId,
      reportedAt,
      lastSeenAt: plusHours(reportedAt, -rng.int(1, 6)),
      foundAt,
      riskLevel: i === highAt ? MissingRiskLevel.HIGH : rng.pick(ORDINARY_RISKS),
      fromCare: seed.household.traits.lookedAfterChild,
      safeAndWellCheckAt: plusHours(foundAt, rng.int(1, 20)),
    });
    daysAgo += rng.int(15, 50);
  }
}

/** Exploitation (trait `exploitation`): a flag on the household's likeliest teenager. */
export function seedExploitation(seed: HouseholdSeed): void {
  const type = seed.household.traits.exploitation;
  const child = type ? likelyTeenager(seed) : null;
  if (!type || !child) return;
  const { rng } = child;
  const confirmed = rng.chance(0.5);
  seed.rows.exploitationFlags.push({
    id: seedId(`exploitation:${child.person.key}`),
    nominalId: child.nominalId,
    type: ExploitationType[type],
    status: confirmed ? ExploitationStatus.CONFIRMED : ExploitationStatus.SUSPECTED,
    // Criminal exploitation and county lines are the commonest NRM referrals for UK children.
    nrmReferral: confirmed && rng.chance(type === 'CSE' ? 0.3 : 0.6),
    flaggedOn: seed.clock.dateDaysAgo(rng.int(10, 300)),
  });
}
