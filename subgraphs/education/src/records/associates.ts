import { AssociateRelationshipValue, type Associate, type AgencyStore } from '@mash/shared';
import type { ContactRelationship } from '../entities/code-lists';

/** At most this many associates per pupil: contacts first, then siblings, oldest first. */
export const MAX_ASSOCIATES = 20;

/** The relationship word a triage officer reads in `role`. */
export const CONTACT_ROLE_WORDS: Record<ContactRelationship, string> = {
  MOTHER: 'mother',
  FATHER: 'father',
  STEP_PARENT: 'step-parent',
  CARER: 'carer',
  GRANDPARENT: 'grandparent',
  OTHER: 'other contact',
};

/**
 * One round trip for every matched pupil. CONTACT: the contacts on the pupil's own record
 * (`idx_pupil_contact_pupil`). SIBLING: other pupils at the same address, by UPRN
 * (`idx_pupil_uprn`), or by postcode and address line where either record lacks a UPRN
 * (`idx_pupil_postcode`), or sharing a contact: same given and family name and the same recorded
 * date of birth (`idx_pupil_contact_person`; a contact without a date of birth links no one).
 * Each person once (a sibling found two ways, a contact recorded twice), the pupil never, capped
 * per pupil in a fixed order. Identity only: nothing of the associate's record leaves.
 */
const ASSOCIATES_SQL = `
WITH subject AS (
  SELECT id, uprn, postcode, lower(address_line) AS line FROM pupil WHERE id = ANY($1::uuid[])
), linked AS (
  SELECT s.id AS subject_id, c.id AS record_id, 0 AS kind, c.priority AS rank, c.relationship AS role,
    c.given_name, c.family_name, c.date_of_birth
  FROM subject s JOIN pupil_contact c ON c.pupil_id = s.id
  UNION ALL
  SELECT s.id, o.id, 1, 0, NULL, o.given_name, o.family_name, o.date_of_birth
  FROM subject s JOIN pupil o ON o.uprn = s.uprn AND o.id <> s.id
  UNION ALL
  SELECT s.id, o.id, 1, 0, NULL, o.given_name, o.family_name, o.date_of_birth
  FROM subject s JOIN pupil o ON o.postcode = s.postcode AND lower(o.address_line) = s.line AND o.id <> s.id
  WHERE s.uprn IS NULL OR o.uprn IS NULL
  UNION ALL
  SELECT s.id, o.id, 1, 0, NULL, o.given_name, o.family_name, o.date_of_birth
  FROM subject s
  JOIN pupil_contact c ON c.pupil_id = s.id AND c.date_of_birth IS NOT NULL
  JOIN pupil_contact oc ON lower(oc.family_name) = lower(c.family_name) AND oc.date_of_birth = c.date_of_birth
    AND lower(oc.given_name) = lower(c.given_name) AND oc.pupil_id <> s.id
  JOIN pupil o ON o.id = oc.pupil_id
), people AS (
  SELECT DISTINCT ON (subject_id, person) *
  FROM (
    SELECT l.*, CASE WHEN kind = 0
      THEN lower(given_name) || '|' || lower(family_name) || '|' || coalesce(date_of_birth::text, '')
      ELSE record_id::text END AS person
    FROM linked l
  ) keyed
  ORDER BY subject_id, person, rank, record_id
)
SELECT subject_id::text AS "subjectId", record_id::text AS "recordId", kind, role,
  given_name AS "givenName", family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM (
  SELECT p.*, row_number() OVER (
    PARTITION BY subject_id ORDER BY kind, rank, date_of_birth NULLS LAST, family_name, given_name, record_id) AS n
  FROM people p
) ranked
WHERE n <= $2::int
ORDER BY subject_id, n`;

interface AssociateRow {
  subjectId: string;
  recordId: string;
  kind: 0 | 1;
  role: ContactRelationship | null;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}

/** The adapter's `loadAssociates`: contacts and siblings of each matched pupil, by pupil id. */
export async function loadPupilAssociates(store: AgencyStore, records: ReadonlyMap<string, unknown>): Promise<Map<string, Associate[]>> {
  const ids = [...records.keys()];
  const associates = new Map<string, Associate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return associates;
  const rows = await store.query<AssociateRow>(ASSOCIATES_SQL, [ids, MAX_ASSOCIATES]);
  for (const row of rows) {
    associates.get(row.subjectId)?.push({
      recordId: row.recordId,
      relationship: row.kind === 0 ? AssociateRelationshipValue.CONTACT : AssociateRelationshipValue.SIBLING,
      role: row.role ? CONTACT_ROLE_WORDS[row.role] : null,
      givenName: row.givenName,
      familyName: row.familyName,
      dateOfBirth: row.dateOfBirth,
    });
  }
  return associates;
}
