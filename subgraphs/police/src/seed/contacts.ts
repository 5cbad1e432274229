import { OccurrenceClassification, OccurrenceRole } from '../entities/codes';
import { addOccurrence, type HouseholdSeed, type KnownMember } from './household';

const OFFENCES = [
  OccurrenceClassification.THEFT, OccurrenceClassification.VIOLENCE, OccurrenceClassification.DRUGS,
  OccurrenceClassification.CRIMINAL_DAMAGE, OccurrenceClassification.PUBLIC_ORDER,
];
const OTHER_CONTACT = [
  OccurrenceClassification.ANTI_SOCIAL_BEHAVIOUR, OccurrenceClassification.THEFT, OccurrenceClassification.CONCERN_FOR_SAFETY,
  OccurrenceClassification.OTHER,
];
const WITNESS_ROLES = [OccurrenceRole.VICTIM, OccurrenceRole.WITNESS, OccurrenceRole.REPORTER];

/**
 * Everyone police know is on some occurrence. Those with a PNC ID (and old enough to be
 * criminally responsible, 10+) offended at some point; the rest were victims, witnesses or
 * callers, or children involved in a concern for their safety.
 */
export function seedOtherContacts(seed: HouseholdSeed): void {
  for (const member of seed.members) {
    const offender = member.view.pncId !== null && member.view.pncId !== undefined && member.age >= 10;
    if (offender ? seed.suspects.has(member.person.key) : seed.onOccurrence.has(member.person.key)) continue;
    const { rng } = member;
    const reportedAt = seed.clock.daysAgo(rng.int(60, 2500), rng.int(0, 23));
    const away = rng.chance(0.6);
    if (offender) {
      contact(seed, member, rng.pick(OFFENCES), OccurrenceRole.OFFENDER, reportedAt, away);
    } else if (member.age < 18) {
      const role = rng.pick([OccurrenceRole.INVOLVED, OccurrenceRole.WITNESS, OccurrenceRole.VICTIM]);
      contact(seed, member, OccurrenceClassification.CONCERN_FOR_SAFETY, role, reportedAt, away);
    } else {
      contact(seed, member, rng.pick(OTHER_CONTACT), rng.pick(WITNESS_ROLES), reportedAt, away);
    }
  }
}

function contact(
  seed: HouseholdSeed,
  member: KnownMember,
  classification: OccurrenceClassification,
  role: OccurrenceRole,
  reportedAt: Date,
  away: boolean,
): void {
  addOccurrence(seed, { reportedAt, classification, atHousehold: !away }, [[member, role]]);
}
