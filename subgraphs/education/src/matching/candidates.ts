import { requestedBlockingKeys, type AgencyStore, type CandidateRow } from '@mash/shared';
import type { Sex } from '../entities/code-lists';

/**
 * A pupil as the matcher sees it: identity columns only. Its `id` is the pupil uuid, the id the
 * record shows and the disclosure log names. Filler pupils cluster on birth dates, so a subject
 * can have tens of candidates: their histories are loaded only once one of them is matched.
 */
export interface PupilCandidate extends CandidateRow {
  upn: string | null;
  givenName: string;
  familyName: string;
  preferredSurname: string | null;
  dateOfBirth: string;
  sex: Sex | null;
  postcode: string | null;
}

/** One indexed query for every subject of a fetch (`blocking_keys && $1` on the GIN index). */
const CANDIDATES_SQL = `
SELECT id, upn, given_name AS "givenName", family_name AS "familyName", preferred_surname AS "preferredSurname",
  date_of_birth::text AS "dateOfBirth", sex, postcode, ${requestedBlockingKeys('blocking_keys')}
FROM pupil WHERE blocking_keys && $1::text[]`;

/** Also every record a triage officer confirmed (by id): a separate statement, so the usual plan stays the GIN index alone. */
const CANDIDATES_OR_CONFIRMED_SQL = `${CANDIDATES_SQL} OR id = ANY($2::uuid[])`;

export function findCandidates(store: AgencyStore, keys: readonly string[], ids: readonly string[] = []): Promise<PupilCandidate[]> {
  const confirmed = ids.filter((id) => UUID.test(id));
  return confirmed.length === 0
    ? store.query<PupilCandidate>(CANDIDATES_SQL, [keys])
    : store.query<PupilCandidate>(CANDIDATES_OR_CONFIRMED_SQL, [keys, confirmed]);
}

/** A confirmed record id is only ever one of ours; anything else cannot name a record (and would fail the cast). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
