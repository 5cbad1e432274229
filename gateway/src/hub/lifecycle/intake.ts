import { canonicalHash } from '@mash/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Case } from '../entities/case.entity';
import { HouseholdRole } from '../entities/enums';
import type { ReferralInput } from '../inputs/referral.input';
import { Problems } from '../validation/problems';
import type { NormalisedSubject } from '../validation/referral.validation';

const DAY_MS = 86_400_000;

/** The people a referral is about (not the adults around them): whose earlier referral makes this a re-referral. */
const REFERRED_ROLES: readonly HouseholdRole[] = [HouseholdRole.CHILD, HouseholdRole.SIBLING, HouseholdRole.UNBORN, HouseholdRole.ADULT_AT_RISK];

/**
 * The digest of a submission, for its idempotency key: the same referral sent again has the same
 * digest. A field left out and a field sent as null are the same submission, and so are the
 * default kind left out and given.
 */
export function submissionDigest(input: ReferralInput): string {
  // The API fills kind's default; a caller of the register may leave it out: the same submission.
  return canonicalHash(withoutNulls({ ...input, kind: input.kind ?? 'REFERRAL' }));
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined).map(([key, item]) => [key, withoutNulls(item)]));
}

/**
 * The latest referral (not an information request) received within `windowDays` before `now`
 * about one of the same people, matched on the hub's own subjects: the same NHS number, or the
 * same family name and date of birth with the same given name or postcode. Only the people the
 * referrals are about count (children, unborn, an adult at risk), not the adults around them.
 */
export async function findEarlierReferral(manager: EntityManager, subjects: readonly NormalisedSubject[], windowDays: number, now: Date): Promise<string | null> {
  if (windowDays <= 0) return null;
  const referred = subjects.filter((subject) => REFERRED_ROLES.includes(subject.householdRole));
  const nhsNumbers = referred.flatMap((subject) => (subject.nhsNumber ? [subject.nhsNumber] : []));
  const people = referred.flatMap((subject) =>
    subject.dateOfBirth
      ? [{ family: subject.familyName.trim().toLowerCase(), dob: subject.dateOfBirth, given: firstName(subject.givenName), postcode: subject.postcode }]
      : [],
  );
  if (nhsNumbers.length === 0 && people.length === 0) return null;
  const rows: { id: string }[] = await manager.query(
    `SELECT c.id FROM mash_case c JOIN mash_subject s ON s.case_id = c.id
      WHERE c.kind = 'REFERRAL' AND c.received_at > $1 AND c.received_at <= $2 AND s.household_role = ANY($3::varchar[])
        AND (s.nhs_number = ANY($4::varchar[])
             OR EXISTS (SELECT 1 FROM jsonb_to_recordset($5::jsonb) AS p(family text, dob date, given text, postcode text)
                         WHERE lower(s.family_name) = p.family AND s.date_of_birth = p.dob
                           AND (split_part(lower(btrim(s.given_name)), ' ', 1) = p.given OR s.postcode = p.postcode)))
      ORDER BY c.received_at DESC, c.reference DESC LIMIT 1`,
    [new Date(now.getTime() - windowDays * DAY_MS), now, REFERRED_ROLES, nhsNumbers, JSON.stringify(people)],
  );
  return rows[0]?.id ?? null;
}

function firstName(given: string | null | undefined): string | null {
  return given?.trim().toLowerCase().split(/\s+/)[0] || null;
}

/** The case an earlier submission under this key made, if it was the same submission; BAD_USER_INPUT if another used the key. */
export async function findSameSubmission(dataSource: DataSource, key: string, digest: string): Promise<Case | null> {
  const earlier = await dataSource.getRepository(Case).findOneBy({ idempotencyKey: key });
  if (!earlier || earlier.idempotencyDigest === digest) return earlier;
  const problems = new Problems();
  problems.add('idempotencyKey', 'was already used for a different submission; a retry sends exactly the same referral, a new referral needs a new key');
  return problems.throwIfAny('referral') as never;
}
