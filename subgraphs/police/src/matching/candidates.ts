import { In, type DataSource } from 'typeorm';
import { batchBlockingKeys, selectCandidateIds, type CandidateTable, type PersonFacts } from '@mash/shared';
import { PoliceNominal } from '../entities';

export const NOMINAL_CANDIDATES: CandidateTable = { table: 'police_nominal', id: 'id', blockingKeys: 'blocking_keys' };

/**
 * Candidate nominals for every subject of one fetch: ONE blocking query for the whole batch, then
 * the candidates with their aliases (which scoring needs) in one more.
 */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<PoliceNominal[]> {
  const ids = await selectCandidateIds(dataSource, NOMINAL_CANDIDATES, batchBlockingKeys(subjects));
  if (ids.length === 0) return [];
  return dataSource.getRepository(PoliceNominal).find({ where: { id: In(ids) }, relations: { aliases: true } });
}
