import { In, type DataSource } from 'typeorm';
import { mergeBlockingKeys, selectCandidateIds, type BlockingColumns, type PersonFacts } from '@mash/shared';
import { PoliceNominal } from '../entities';

export const NOMINAL_BLOCKING: BlockingColumns = {
  table: 'police_nominal',
  id: 'id',
  nhsNumber: 'nhs_number',
  pncId: 'pnc_id',
  dateOfBirth: 'date_of_birth',
  postcode: 'postcode',
  familyNameYear: 'family_name_year',
};

/**
 * Candidate nominals for every subject of one fetch: ONE blocking query for the whole batch, then
 * the candidates with their aliases (which scoring needs) in one more.
 */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<PoliceNominal[]> {
  const ids = await selectCandidateIds(dataSource, NOMINAL_BLOCKING, mergeBlockingKeys(subjects));
  if (ids.length === 0) return [];
  return dataSource.getRepository(PoliceNominal).find({ where: { id: In(ids) }, relations: { aliases: true } });
}
