import { AssociateRelationshipValue, type AgencyStore, type Associate } from '@mash/shared';

/** Most associates one subject is given: a household and its recorded family fit well within it. */
export const ASSOCIATE_CAP = 20;

/**
 * The people social care links to each matched person, in one round trip: the family recorded on
 * the person (`sc_person_relationship`, its primary key) and everyone else at the same UPRN (the
 * household the think-family flags weigh, `idx_sc_person_uprn`). Someone both related and at the
 * address appears once, as the relationship. Minimal identity only; never the person themself.
 * Order: parents and carers, partners, children, siblings, other family, then others at the
 * address; within each by date of birth (oldest first), then record id.
 */
const ASSOCIATES_SQL = `
WITH subject AS (
  SELECT person_id, uprn FROM sc_person WHERE person_id = ANY($1::text[])
), linked AS (
  SELECT r.person_id AS subject_id, r.related_person_id AS associate_id, r.relationship, r.role
  FROM sc_person_relationship r
  WHERE r.person_id = ANY($1::text[])
  UNION ALL
  SELECT s.person_id, h.person_id, 'SAME_ADDRESS', NULL
  FROM subject s JOIN sc_person h ON h.uprn = s.uprn
  WHERE s.uprn IS NOT NULL
), ranked AS (
  SELECT DISTINCT ON (l.subject_id, l.associate_id) l.subject_id, l.associate_id, l.relationship, l.role,
    CASE l.relationship WHEN 'PARENT' THEN 1 WHEN 'PARTNER' THEN 2 WHEN 'CHILD' THEN 3 WHEN 'SIBLING' THEN 4
      WHEN 'FAMILY_MEMBER' THEN 5 ELSE 6 END AS rank
  FROM linked l
  WHERE l.associate_id <> l.subject_id
  ORDER BY l.subject_id, l.associate_id, rank
), numbered AS (
  SELECT k.subject_id, k.associate_id, k.relationship, k.role, a.given_name, a.family_name,
    to_char(COALESCE(a.date_of_birth, a.expected_date_of_birth), 'YYYY-MM-DD') AS date_of_birth,
    row_number() OVER (
      PARTITION BY k.subject_id
      ORDER BY k.rank, COALESCE(a.date_of_birth, a.expected_date_of_birth) NULLS LAST, k.associate_id
    ) AS position
  FROM ranked k JOIN sc_person a ON a.person_id = k.associate_id
)
SELECT subject_id AS "subjectId", associate_id AS "recordId", relationship, role, given_name AS "givenName",
  family_name AS "familyName", date_of_birth AS "dateOfBirth"
FROM numbered
WHERE position <= $2
ORDER BY subject_id, position`;

interface AssociateRow extends Associate {
  subjectId: string;
}

export async function loadAssociates(store: AgencyStore, ids: readonly string[], cap = ASSOCIATE_CAP): Promise<Map<string, Associate[]>> {
  const associates = new Map<string, Associate[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return associates;
  const rows = await store.query<AssociateRow>(ASSOCIATES_SQL, [ids, cap]);
  for (const { subjectId, recordId, relationship, role, givenName, familyName, dateOfBirth } of rows) {
    associates.get(subjectId)?.push({
      recordId,
      relationship: AssociateRelationshipValue[relationship as keyof typeof AssociateRelationshipValue],
      role,
      givenName,
      familyName,
      dateOfBirth,
    });
  }
  return associates;
}
