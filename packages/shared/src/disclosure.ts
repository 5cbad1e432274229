import type { DataSource } from 'typeorm';
import { DisclosureLog } from './disclosure.entity';
import type { AgencyRequestContext } from './grant-claims';

export interface DisclosedSubject {
  subjectId: string;
  matchStatus: string;
  recordIds: string[];
}

/**
 * Writes one disclosure-log row per subject answered, in a single insert, before the answer
 * leaves the agency: if the write fails the request fails, so nothing leaves unrecorded.
 */
export async function recordDisclosures(
  dataSource: DataSource,
  context: AgencyRequestContext,
  subjects: DisclosedSubject[],
): Promise<void> {
  if (subjects.length === 0) return;
  const grant = context.grant;
  await dataSource.getRepository(DisclosureLog).insert(
    subjects.map((subject) => ({
      grantId: grant?.grantId ?? null,
      requestId: context.requestId,
      caseId: grant?.caseId ?? null,
      userId: grant?.userId ?? null,
      purpose: grant?.purpose ?? null,
      subjectId: subject.subjectId,
      matchStatus: subject.matchStatus,
      recordIds: subject.recordIds,
      obligations: grant?.obligations ?? [],
    })),
  );
}
