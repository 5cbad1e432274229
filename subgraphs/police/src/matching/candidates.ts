import { requestedBlockingKeys, type AgencyStore, type CandidateRow, type Gender } from '@mash/shared';

/**
 * A nominal as the matcher sees it: the light facts of the candidate query, aliases included. Its
 * `id` is the force's local nominal reference, the id triage sees and the disclosure log names.
 */
export interface NominalCandidate extends CandidateRow {
  localNominalId: string;
  pncId: string | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: Gender;
  postcode: string | null;
  nhsNumber: string | null;
  aliases: { givenName: string; familyName: string; dateOfBirth: string | null }[];
}

/** One indexed query for every subject of a fetch (`blocking_keys && $1` on the GIN index). */
const CANDIDATES_SQL = `
SELECT n.local_nominal_id AS id, n.local_nominal_id AS "localNominalId", n.pnc_id AS "pncId", n.given_name AS "givenName",
  n.family_name AS "familyName", n.date_of_birth::text AS "dateOfBirth", n.gender, n.postcode, n.nhs_number AS "nhsNumber",
  ${requestedBlockingKeys('n.blocking_keys')},
  COALESCE((SELECT json_agg(json_build_object('givenName', a.given_name, 'familyName', a.family_name, 'dateOfBirth', a.date_of_birth))
    FROM nominal_alias a WHERE a.nominal_id = n.id), '[]'::json) AS aliases
FROM police_nominal n
WHERE n.blocking_keys && $1::text[]`;

/** Also every record a triage officer confirmed (by id): a separate statement, so the usual plan stays the GIN index alone. */
const CANDIDATES_OR_CONFIRMED_SQL = `${CANDIDATES_SQL} OR n.local_nominal_id = ANY($2::varchar[])`;

export function findCandidates(store: AgencyStore, keys: readonly string[], ids: readonly string[] = []): Promise<NominalCandidate[]> {
  const confirmed = ids;
  return confirmed.length === 0
    ? store.query<NominalCandidate>(CANDIDATES_SQL, [keys])
    : store.query<NominalCandidate>(CANDIDATES_OR_CONFIRMED_SQL, [keys, confirmed]);
}
