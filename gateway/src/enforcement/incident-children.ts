import type { DataSource } from 'typeorm';
import type { IncidentChildFacts } from '../policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * For ids that are children the police named in a domestic abuse notification (da_person, role
 * CHILD), that notification's facts the onward-notification rule decides on; one query per fetch.
 * A case's subject, a victim or an alleged perpetrator is absent from the answer.
 */
export async function incidentChildren(hub: DataSource, ids: string[]): Promise<Map<string, IncidentChildFacts>> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  const found = new Map<string, IncidentChildFacts>();
  if (wanted.length === 0) return found;
  const rows: { person_id: string; id: string; children_present: boolean; status: IncidentChildFacts['status']; screened_by: string | null; claimed_by: string | null; claimed_at: Date | null }[] =
    await hub.query(
      `SELECT p.id AS person_id, n.id, n.children_present, n.status, n.screened_by, n.claimed_by, n.claimed_at
         FROM da_person p JOIN da_notification n ON n.id = p.notification_id
        WHERE p.id = ANY($1::uuid[]) AND p.role = 'CHILD'`,
      [wanted],
    );
  for (const row of rows) {
    found.set(row.person_id, {
      notificationId: row.id, childrenPresent: row.children_present, status: row.status, screenedBy: row.screened_by, claimedBy: row.claimed_by, claimedAt: row.claimed_at,
    });
  }
  return found;
}
