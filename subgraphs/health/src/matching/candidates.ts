import { requestedBlockingKeys, type AgencyStore, type CandidateRow } from '@mash/shared';
import type { PatientGender, VerificationStatus } from '../entities/code-lists';

/**
 * A patient as the matcher sees it: PDS demographics only, no registration or care history. Its
 * `id` is the patient uuid, the id the record shows and the disclosure log names.
 */
export interface PatientCandidate extends CandidateRow {
  nhsNumber: string | null;
  nhsNumberVerification: VerificationStatus;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: PatientGender;
  deceasedDate: string | null;
  /** PDS sensitive: the postcode is never matched on and the address never shown. */
  restricted: boolean;
  addressLine: string | null;
  postcode: string | null;
  uprn: string | null;
}

/** One indexed query for every subject of a fetch (`blocking_keys && $1` on the GIN index). */
const CANDIDATES_SQL = `
SELECT p.id::text AS id, p.nhs_number AS "nhsNumber", p.nhs_number_verification AS "nhsNumberVerification", p.given_name AS "givenName",
  p.family_name AS "familyName", p.date_of_birth::text AS "dateOfBirth", p.gender, p.deceased_date::text AS "deceasedDate", p.restricted,
  p.address_line AS "addressLine", p.postcode, p.uprn, ${requestedBlockingKeys('p.blocking_keys')}
FROM patient p
WHERE p.blocking_keys && $1::text[]`;

/** Also every record a triage officer confirmed (by id): a separate statement, so the usual plan stays the GIN index alone. */
const CANDIDATES_OR_CONFIRMED_SQL = `${CANDIDATES_SQL} OR p.id = ANY($2::uuid[])`;

export function findCandidates(store: AgencyStore, keys: readonly string[], ids: readonly string[] = []): Promise<PatientCandidate[]> {
  const confirmed = ids.filter((id) => UUID.test(id));
  return confirmed.length === 0
    ? store.query<PatientCandidate>(CANDIDATES_SQL, [keys])
    : store.query<PatientCandidate>(CANDIDATES_OR_CONFIRMED_SQL, [keys, confirmed]);
}

/** A confirmed record id is only ever one of ours; anything else cannot name a record (and would fail the cast). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
