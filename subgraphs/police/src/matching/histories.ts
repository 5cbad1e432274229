import { In, type DataSource } from 'typeorm';
import { Occurrence, PoliceNominal } from '../entities';
import type { Windows } from '../views/windows';

export interface Histories {
  nominals: Map<string, PoliceNominal>;
  /** DA occurrences in the last 12 months involving, or at the current address of, any of the nominals. */
  domesticAbuse: Occurrence[];
}

/**
 * Loads what the records of confirmed matches summarise, in two queries whatever the batch size.
 * Addresses, markers, missing episodes and exploitation flags are few per nominal, so one joined
 * query stays small.
 */
export async function loadHistories(dataSource: DataSource, nominalIds: string[], windows: Windows): Promise<Histories> {
  if (nominalIds.length === 0) return { nominals: new Map(), domesticAbuse: [] };
  const nominals = await dataSource.getRepository(PoliceNominal).find({
    where: { id: In(nominalIds) },
    relations: { aliases: true, addresses: true, warningMarkers: true, missingEpisodes: true, exploitationFlags: true },
  });
  const uprns = [...new Set(nominals.flatMap((n) => n.addresses.filter((a) => a.isCurrent && a.uprn).map((a) => a.uprn as string)))];
  // Two indexed selects joined by UNION, then a load by id: an OR of the two conditions in one
  // query made the planner misestimate and hash-join whole tables (about 40 ms at 1M nominals).
  const found: { id: string }[] = await dataSource.query(
    `SELECT o.id FROM occurrence o
      WHERE o.domestic_abuse AND o.reported_at >= $3 AND o.reported_at < $4
        AND o.id IN (SELECT id FROM occurrence WHERE location_uprn = ANY($1::text[])
                     UNION SELECT occurrence_id FROM occurrence_person WHERE nominal_id = ANY($2::uuid[]))`,
    [uprns, nominalIds, windows.last12Months, windows.until],
  );
  const domesticAbuse = found.length === 0 ? [] : await dataSource.getRepository(Occurrence).find({
    where: { id: In(found.map((row) => row.id)) },
    relations: { persons: true, dashAssessments: true },
  });
  return { nominals: new Map(nominals.map((n) => [n.id, n])), domesticAbuse };
}
