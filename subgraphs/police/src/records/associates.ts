import { AssociateRelationshipValue, type Associate, type AgencyStore, type RecordContext } from '@mash/shared';
import { windowsFor } from './windows';

/** At most this many associates per matched nominal: the current household, then incidents newest first. */
export const ASSOCIATE_LIMIT = 20;

/** The most telling role first, when a person appears on an occurrence more than once (as records/record.ts). */
const ROLE_RANK = `CASE other.role WHEN 'VICTIM' THEN 1 WHEN 'SUSPECT' THEN 2 WHEN 'OFFENDER' THEN 3 WHEN 'INVOLVED' THEN 4
    WHEN 'WITNESS' THEN 5 ELSE 6 END`;

/**
 * The people police link to each matched nominal, in ONE statement:
 * - SAME_ADDRESS: other nominals whose current address is the subject's current address (same
 *   UPRN; else, where either lacks a UPRN, same postcode and address line);
 * - SAME_INCIDENT: people named in any occurrence the subject is named in, with the role they had
 *   in the latest one (the most telling role if they had several there).
 * A person linked both ways is listed once, as SAME_INCIDENT. Order: people living there now
 * (they are the present link), then incident associates newest first; at most $2 per subject.
 * Under OMIT_STANDARD_RISK_DOMESTIC_ABUSE ($4 false) a standard-risk domestic-abuse occurrence
 * links nobody: who was there would disclose it. Indexes: occurrence_person (nominal_id) and its
 * unique (occurrence_id, ...), nominal_address (nominal_id), (uprn) and (postcode).
 */
const ASSOCIATES_SQL = `
WITH subject AS (
  SELECT n.id, n.local_nominal_id FROM police_nominal n WHERE n.local_nominal_id = ANY($1::text[])
), incident AS (
  SELECT DISTINCT ON (s.id, other.nominal_id) s.local_nominal_id AS subject, other.nominal_id, other.role, o.reported_at AS seen_at
  FROM subject s
  JOIN occurrence_person mine ON mine.nominal_id = s.id
  JOIN occurrence o ON o.id = mine.occurrence_id
  JOIN occurrence_person other ON other.occurrence_id = o.id AND other.nominal_id <> s.id
  WHERE o.reported_at < $3
    AND ($4::boolean OR NOT o.domestic_abuse
      OR NOT EXISTS (SELECT 1 FROM dash_assessment d WHERE d.occurrence_id = o.id)
      OR EXISTS (SELECT 1 FROM dash_assessment d WHERE d.occurrence_id = o.id AND d.risk_level <> 'STANDARD'))
  ORDER BY s.id, other.nominal_id, o.reported_at DESC, ${ROLE_RANK}
), address AS (
  SELECT s.local_nominal_id AS subject, other.nominal_id
  FROM subject s
  JOIN nominal_address mine ON mine.nominal_id = s.id AND mine.is_current AND mine.uprn IS NOT NULL
  JOIN nominal_address other ON other.uprn = mine.uprn AND other.is_current AND other.nominal_id <> s.id
  UNION
  SELECT s.local_nominal_id, other.nominal_id
  FROM subject s
  JOIN nominal_address mine ON mine.nominal_id = s.id AND mine.is_current
  JOIN nominal_address other ON other.postcode = mine.postcode AND other.is_current AND other.nominal_id <> s.id
    AND upper(other.address_line) = upper(mine.address_line) AND (mine.uprn IS NULL OR other.uprn IS NULL)
), linked AS (
  SELECT i.subject, i.nominal_id, 'SAME_INCIDENT' AS relationship, i.role, i.seen_at FROM incident i
  UNION ALL
  SELECT a.subject, a.nominal_id, 'SAME_ADDRESS', NULL, NULL FROM address a
  WHERE NOT EXISTS (SELECT 1 FROM incident i WHERE i.subject = a.subject AND i.nominal_id = a.nominal_id)
), ranked AS (
  SELECT l.*, n.local_nominal_id, n.given_name, n.family_name, n.date_of_birth,
    row_number() OVER (PARTITION BY l.subject
      ORDER BY l.relationship = 'SAME_ADDRESS' DESC, l.seen_at DESC, n.family_name, n.given_name, n.local_nominal_id) AS position
  FROM linked l JOIN police_nominal n ON n.id = l.nominal_id
)
SELECT subject, local_nominal_id AS "recordId", relationship, role, given_name AS "givenName", family_name AS "familyName",
  date_of_birth::text AS "dateOfBirth"
FROM ranked WHERE position <= $2
ORDER BY subject, position`;

interface AssociateRow extends Associate {
  subject: string;
}

/** Associates of each matched nominal, by its local nominal id; minimal identity only, never the subject themself. */
export async function loadAssociates(store: AgencyStore, ids: readonly string[], context: RecordContext): Promise<Map<string, Associate[]>> {
  const associates = new Map<string, Associate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return associates;
  const rows = await store.query<AssociateRow>(ASSOCIATES_SQL, [
    ids, ASSOCIATE_LIMIT, windowsFor(context.asOf).until, context.disclose.domesticAbuse('STANDARD'),
  ]);
  for (const { subject, recordId, relationship, role, givenName, familyName, dateOfBirth } of rows) {
    if (recordId === subject) continue;
    associates.get(subject)?.push({
      recordId, relationship: relationship as AssociateRelationshipValue, role: role ?? null, givenName, familyName, dateOfBirth,
    });
  }
  return associates;
}
