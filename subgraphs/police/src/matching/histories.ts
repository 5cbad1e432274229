import { Brackets, In, type DataSource } from 'typeorm';
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
  const domesticAbuse = await dataSource
    .getRepository(Occurrence)
    .createQueryBuilder('occurrence')
    .leftJoinAndSelect('occurrence.persons', 'person')
    .leftJoinAndSelect('occurrence.dashAssessments', 'dash')
    .where('occurrence.domestic_abuse AND occurrence.reported_at >= :since AND occurrence.reported_at < :until', {
      since: windows.last12Months,
      until: windows.until,
    })
    .andWhere(
      new Brackets((either) =>
        either
          .where('occurrence.location_uprn = ANY(CAST(:uprns AS text[]))', { uprns })
          .orWhere(
            'occurrence.id IN (SELECT occurrence_id FROM occurrence_person WHERE nominal_id = ANY(CAST(:ids AS uuid[])))',
            { ids: nominalIds },
          ),
      ),
    )
    .getMany();
  return { nominals: new Map(nominals.map((n) => [n.id, n])), domesticAbuse };
}
