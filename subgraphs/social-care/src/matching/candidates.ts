import { requestedBlockingKeys, type AgencyStore, type CandidateRow } from '@mash/shared';
import type { GenderCode } from '../entities/code-lists';

/**
 * A person as the matcher sees it: the light facts of the candidate query. Its `id` is the local
 * authority's person id, the `personId` triage sees and the disclosure log names.
 */
export interface PersonCandidate extends CandidateRow {
  upn: string | null;
  nhsNumber: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  genderCode: GenderCode;
  postcode: string | null;
  isAdult: boolean;
}

/** One indexed query for every subject of a fetch (`blocking_keys && $1` on the GIN index). */
const CANDIDATES_SQL = `
SELECT p.person_id AS id, p.upn, p.nhs_number AS "nhsNumber", p.given_name AS "givenName", p.family_name AS "familyName",
  p.date_of_birth::text AS "dateOfBirth", p.expected_date_of_birth::text AS "expectedDateOfBirth", p.gender_code AS "genderCode",
  p.postcode, p.is_adult AS "isAdult", ${requestedBlockingKeys('p.blocking_keys')}
FROM sc_person p
WHERE p.blocking_keys && $1::text[]`;

/** Also every record a triage officer confirmed (by id): a separate statement, so the usual plan stays the GIN index alone. */
const CANDIDATES_OR_CONFIRMED_SQL = `${CANDIDATES_SQL} OR p.person_id = ANY($2::text[])`;

export function findCandidates(store: AgencyStore, keys: readonly string[], ids: readonly string[] = []): Promise<PersonCandidate[]> {
  const confirmed = ids;
  return confirmed.length === 0
    ? store.query<PersonCandidate>(CANDIDATES_SQL, [keys])
    : store.query<PersonCandidate>(CANDIDATES_OR_CONFIRMED_SQL, [keys, confirmed]);
}
