import { Brackets, type DataSource } from 'typeorm';
import { AuditDecision, AuditEntry, AuditKind } from '../audit';
import type { AgencyLogRead, DisclosureRow } from './agency-disclosures';
import { referencesOf } from './case-references';
import type { PersonSubject } from './person';
import { DisclosureConfirmation, type AgencyDisclosure, type AgencyDisclosureLog, type SubjectAccess } from './who-has-seen.type';

/**
 * The hub's entries about the person, newest first, written before `beforeSeq` (the review's own
 * entry): any entry naming one of their subject ids (agency fetches, changes, earlier reviews),
 * and every read of the hub's record of one of their cases. GIN on subject_ids, (case_id, seq).
 */
export async function hubEntriesAbout(hub: DataSource, person: PersonSubject[], beforeSeq: string, limit: number): Promise<{ rows: AuditEntry[]; more: boolean }> {
  if (person.length === 0) return { rows: [], more: false };
  const rows = await hub.getRepository(AuditEntry).createQueryBuilder('entry')
    .where('entry.seq < CAST(:beforeSeq AS bigint)', { beforeSeq })
    .andWhere(new Brackets((either) => {
      either.where('entry.subjectIds && CAST(:subjectIds AS text[])', { subjectIds: person.map((subject) => subject.subjectId) })
        .orWhere('(entry.kind = :caseRead AND entry.caseId IN (:...caseIds))', { caseRead: AuditKind.CASE_READ, caseIds: [...new Set(person.map((subject) => subject.caseId))] });
    }))
    .orderBy('entry.seq', 'DESC')
    .limit(limit + 1)
    .getMany();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** seq of the hub's allowed AGENCY_FETCH entry that issued each grant (grant_id is indexed). */
export async function issuingEntries(hub: DataSource, grantIds: string[]): Promise<Map<string, string>> {
  if (grantIds.length === 0) return new Map();
  const rows = (await hub.query(
    `SELECT grant_id AS "grantId", seq::text AS seq FROM audit_log WHERE grant_id = ANY($1::text[]) AND kind = 'AGENCY_FETCH' AND decision = 'ALLOWED'`,
    [[...new Set(grantIds)]],
  )) as { grantId: string; seq: string }[];
  return new Map(rows.map((row) => [row.grantId, row.seq]));
}

/**
 * Puts the two sides together: each hub entry with what the agency's log says was disclosed about
 * the person under its grant, and each agency's disclosures about the person with the hub entry
 * that issued their grant.
 */
export async function assemble(hub: DataSource, person: PersonSubject[], entries: AuditEntry[], logs: AgencyLogRead[]): Promise<{ accesses: SubjectAccess[]; agencies: AgencyDisclosureLog[]; unissued: number }> {
  const ids = new Set(person.map((subject) => subject.subjectId));
  const about = logs.map((log) => ({ log, rows: log.rows.filter((row) => ids.has(row.subjectId)).sort(newestFirst) }));
  const issued = await issuingEntries(hub, about.flatMap(({ rows }) => rows.flatMap((row) => (row.grantId ? [row.grantId] : []))));
  const references = await referencesOf(hub, [...entries.map((entry) => entry.caseId), ...about.flatMap(({ rows }) => rows.map((row) => row.caseId))]);
  const disclosure = (agency: string, row: DisclosureRow): AgencyDisclosure => ({
    agency,
    disclosureId: row.id,
    disclosedAt: row.disclosedAt,
    grantId: row.grantId,
    caseId: row.caseId,
    caseReference: (row.caseId && references.get(row.caseId)) ?? null,
    userId: row.userId,
    purpose: row.purpose,
    subjectId: row.subjectId,
    matchStatus: row.matchStatus,
    recordIds: row.recordIds,
    obligations: row.obligations,
    hubEntrySeq: (row.grantId && issued.get(row.grantId)) ?? null,
  });
  const agencies = about.map(({ log, rows }) => ({
    agency: log.agency,
    available: log.available,
    problem: log.problem,
    complete: log.available && log.truncatedCases.size === 0,
    disclosures: rows.map((row) => disclosure(log.agency, row)),
  }));
  const byAgency = new Map<string, { agency: AgencyDisclosureLog; log: AgencyLogRead }>(agencies.map((agency, index) => [agency.agency, { agency, log: about[index].log }]));
  const accesses = entries.map((entry): SubjectAccess => {
    const granted = entry.kind === AuditKind.AGENCY_FETCH && entry.decision === AuditDecision.ALLOWED && entry.grantId && entry.agency;
    const side = granted ? byAgency.get(entry.agency!) : undefined;
    const disclosed = side ? side.agency.disclosures.filter((row) => row.grantId === entry.grantId) : [];
    return {
      seq: entry.seq,
      recordedAt: entry.recordedAt.toISOString(),
      kind: entry.kind,
      decision: entry.decision,
      userId: entry.actorId,
      roles: entry.actorRoles,
      organisation: entry.organisation,
      caseId: entry.caseId,
      caseReference: (entry.caseId && references.get(entry.caseId)) ?? null,
      subjectIds: entry.subjectIds.filter((id) => ids.has(id)),
      agency: entry.agency,
      fields: entry.fields,
      rule: entry.rule,
      policyVersion: entry.policyVersion,
      reason: entry.reason,
      grantId: entry.grantId,
      requestId: entry.requestId,
      confirmation: !side
        ? DisclosureConfirmation.NOT_APPLICABLE
        : !side.log.available
          ? DisclosureConfirmation.AGENCY_UNAVAILABLE
          : disclosed.length > 0
            ? DisclosureConfirmation.CONFIRMED
            : entry.caseId && side.log.truncatedCases.has(entry.caseId)
              ? DisclosureConfirmation.NOT_CHECKED
              : DisclosureConfirmation.NOT_FOUND,
      disclosed,
    };
  });
  const unissued = agencies.reduce((sum, agency) => sum + agency.disclosures.filter((row) => row.hubEntrySeq === null).length, 0);
  return { accesses, agencies, unissued };
}

function newestFirst(a: DisclosureRow, b: DisclosureRow): number {
  return b.disclosedAt.localeCompare(a.disclosedAt) || a.id.localeCompare(b.id);
}
