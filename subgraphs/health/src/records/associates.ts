import { AssociateRelationshipValue, type Associate, type AgencyStore } from '@mash/shared';
import type { PatientDetails } from './load';

/** At most this many associates per subject: a hostel or a block with one UPRN can hold hundreds of patients. */
export const MAX_ASSOCIATES = 20;

/**
 * The people health links to each matched patient, in one round trip:
 * - MOTHER: for a baby, the mother whose maternity episode records the baby's birth;
 * - CHILD: for a mother, each baby her maternity episodes record;
 * - SAME_ADDRESS: other living patients whose PDS address is the subject's, by UPRN where both
 *   have one, else by postcode and address line.
 * One row per person (a mother at the same address is MOTHER), family first, then by date of birth
 * and name, capped per subject. A restricted (PDS sensitive) patient's address is never used: they
 * have no SAME_ADDRESS associates and are never anyone's (DOMAIN.md 6.2), though a family link,
 * which says nothing of where anyone lives, stays.
 */
const ASSOCIATES_SQL = `
WITH s AS (SELECT id, uprn, postcode, lower(address_line) AS address_line, restricted FROM patient WHERE id = ANY($1::uuid[])),
links AS (
  SELECT m.baby_patient_id AS subject_id, m.patient_id AS associate_id, 'MOTHER' AS relationship, 1 AS rank
    FROM maternity_episode m WHERE m.baby_patient_id = ANY($1::uuid[])
  UNION ALL
  SELECT m.patient_id, m.baby_patient_id, 'CHILD', 2
    FROM maternity_episode m WHERE m.patient_id = ANY($1::uuid[]) AND m.baby_patient_id IS NOT NULL
  UNION ALL
  SELECT s.id, o.id, 'SAME_ADDRESS', 3
    FROM s JOIN patient o ON o.uprn = s.uprn
    WHERE NOT s.restricted AND NOT o.restricted AND o.deceased_date IS NULL
  UNION ALL
  SELECT s.id, o.id, 'SAME_ADDRESS', 3
    FROM s JOIN patient o ON o.postcode = s.postcode AND lower(o.address_line) = s.address_line
    WHERE (s.uprn IS NULL OR o.uprn IS NULL) AND NOT s.restricted AND NOT o.restricted AND o.deceased_date IS NULL
),
one AS (
  SELECT DISTINCT ON (subject_id, associate_id) subject_id, associate_id, relationship, rank
    FROM links WHERE associate_id <> subject_id
    ORDER BY subject_id, associate_id, rank
),
ranked AS (
  SELECT one.subject_id, one.associate_id, one.relationship, p.given_name, p.family_name, p.date_of_birth,
    row_number() OVER (PARTITION BY one.subject_id ORDER BY one.rank, p.date_of_birth, p.family_name, p.given_name, p.id) AS n
  FROM one JOIN patient p ON p.id = one.associate_id
)
SELECT subject_id::text AS "subjectId", associate_id::text AS "recordId", relationship, given_name AS "givenName",
  family_name AS "familyName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
FROM ranked WHERE n <= ${MAX_ASSOCIATES}
ORDER BY subject_id, n`;

interface AssociateRow {
  subjectId: string;
  recordId: string;
  relationship: 'MOTHER' | 'CHILD' | 'SAME_ADDRESS';
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/** Minimal identity only (record id, how linked, name, date of birth): nothing of the associate's history. */
export async function loadAssociates(store: AgencyStore, records: ReadonlyMap<string, PatientDetails>): Promise<Map<string, Associate[]>> {
  const ids = [...records.keys()];
  const associates = new Map<string, Associate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return associates;
  const rows = await store.query<AssociateRow>(ASSOCIATES_SQL, [ids]);
  for (const row of rows) {
    associates.get(row.subjectId)?.push({
      recordId: row.recordId,
      relationship: AssociateRelationshipValue[row.relationship],
      role: null,
      givenName: row.givenName,
      familyName: row.familyName,
      dateOfBirth: row.dateOfBirth,
    });
  }
  return associates;
}
