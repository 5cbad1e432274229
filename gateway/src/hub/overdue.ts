import type { DataSource } from 'typeorm';
import { Case } from './entities/case.entity';
import { Rag } from './entities/enums';

/**
 * An open case still waiting for a decision past its due time, as `cases(overdue: true)` filters
 * (alias `c` for mash_case, parameter `now`); served by the (status, due_by) index.
 */
export const OVERDUE_CONDITION = `c.status = 'OPEN' AND c.decided_at IS NULL AND c.due_by < :now`;

/** Overdue cases per current rating at `now`; `UNRATED` for cases not rated yet. Every key is present. */
export async function overdueByRag(hub: DataSource, now = new Date()): Promise<Record<Rag | 'UNRATED', number>> {
  const rows: { rag: Rag | null; count: string }[] = await hub
    .getRepository(Case)
    .createQueryBuilder('c')
    .select('c.rag', 'rag')
    .addSelect('count(*)', 'count')
    .where(OVERDUE_CONDITION, { now })
    .groupBy('c.rag')
    .getRawMany();
  const counts: Record<Rag | 'UNRATED', number> = { RED: 0, AMBER: 0, GREEN: 0, UNRATED: 0 };
  for (const row of rows) counts[row.rag ?? 'UNRATED'] += Number(row.count);
  return counts;
}
