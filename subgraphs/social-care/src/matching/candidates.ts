import { batchBlockingKeys, selectCandidateIds, type CandidateTable, type PersonFacts } from '@mash/shared';
import { In, type DataSource } from 'typeorm';
import { Person } from '../entities/person.entity';

/** `sc_person.blocking_keys`, GIN-indexed (migration BlockingKeys). */
export const PERSON_CANDIDATES: CandidateTable = { table: 'sc_person', id: 'person_id', blockingKeys: 'blocking_keys' };

const EPISODES = {
  referrals: { assessments: true },
  childProtectionPlans: true,
  lookedAfterEpisodes: true,
  earlyHelpEpisodes: true,
  section42Enquiries: true,
} as const;

/** People with their episodes; one joined query (a person has a handful of episodes at most). */
export async function loadPeople(dataSource: DataSource, where: { ids?: string[]; uprns?: string[] }): Promise<Person[]> {
  const condition = where.ids ? { id: In(where.ids) } : { uprn: In(where.uprns ?? []) };
  const values = where.ids ?? where.uprns ?? [];
  if (values.length === 0) return [];
  return dataSource.getRepository(Person).find({ where: condition, relations: EPISODES, relationLoadStrategy: 'join' });
}

/** Every record sharing a blocking key with any subject of the fetch: ONE candidate query per batch. */
export async function findCandidates(dataSource: DataSource, subjects: PersonFacts[]): Promise<Person[]> {
  if (subjects.length === 0) return [];
  const ids = await selectCandidateIds(dataSource, PERSON_CANDIDATES, batchBlockingKeys(subjects));
  return loadPeople(dataSource, { ids });
}

/** Think family: everyone recorded at each UPRN, by UPRN. */
export async function loadHouseholds(dataSource: DataSource, uprns: string[]): Promise<Map<string, Person[]>> {
  const households = new Map<string, Person[]>();
  for (const person of await loadPeople(dataSource, { uprns: [...new Set(uprns)] })) {
    if (!person.uprn) continue;
    households.set(person.uprn, [...(households.get(person.uprn) ?? []), person]);
  }
  return households;
}
