import type { DataSource, EntityManager } from 'typeorm';

/**
 * Marks research started on cases: when an agency is first asked about their people under the
 * agreement. One conditional UPDATE; a case already marked is left as it is, and the stage moves
 * on only from RATED. Returns the cases it marked.
 */
export async function markResearchStarted(db: DataSource | EntityManager, caseIds: readonly string[], at: Date): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows: { id: string }[] = await db.query(
    `UPDATE mash_case SET research_started_at = $2, stage = CASE WHEN stage = 'RATED' THEN 'IN_RESEARCH' ELSE stage END
      WHERE id = ANY($1::uuid[]) AND research_started_at IS NULL RETURNING id`,
    [caseIds, at],
  );
  // PGlite and node-postgres answer an UPDATE ... RETURNING in different shapes.
  const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : rows;
  return list.map((row) => row.id);
}
