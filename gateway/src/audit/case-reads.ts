import type { AuthenticatedUser } from '../auth/user';
import { AuditDecision, AuditKind } from './audit-entry.entity';
import type { AuditEntryInput } from './chain';

/** How a field of the hub's case record is named in the access log: its path from the case. */
const PATH_FROM_CASE: Record<string, string> = {
  Case: '',
  Subject: 'subjects.',
  RagRating: 'ragHistory.',
  ConsentRecord: 'consentHistory.',
  RatingReview: 'ratingReviews.',
  MatchDecision: 'subjects.matchDecisions.',
  CaseAssignment: 'assignmentHistory.',
};

export const CASE_RECORD_TYPES = Object.keys(PATH_FROM_CASE);

interface CaseRead {
  /** `Type.field` coordinates resolved for the request. */
  fields: Set<string>;
  withheld: Set<string>;
  subjectIds: Set<string>;
  /** The case-register rule that let identities be read, or that withheld them. */
  rule: string;
}

/**
 * One request's reads of the hub's own case record, gathered as fields resolve and written as
 * CASE_READ entries (audit/case-reads.plugin.ts): who, which case, which subjects, which fields,
 * never the values. Written when the hub's part of the plan is done (HubDataSource), or, for a
 * query that goes on to the agencies, with the agency decisions in one commit (EnforcementPoint);
 * the response waits for it. A query reads the hub in one fetch, so it writes one entry per case.
 */
export class CaseReads {
  private readonly byCase = new Map<string, CaseRead>();
  /** Each write started for this request, settled to its error (or null) so none goes unhandled. */
  private readonly writes: Promise<unknown>[] = [];
  /** `Type.field` coordinates the client's operation selects; the planner's extra fields (keys, what agencies need to match) are not reads by the user. */
  requested: ReadonlySet<string> | null = null;
  /** How entries are written, for whom; set by the plugin once the operation is known. */
  writer: { write(entries: AuditEntryInput[]): Promise<unknown>; user: AuthenticatedUser | null; requestId: string } | null = null;

  read(caseId: string, coordinate: string, rule: string, subjectId?: string): void {
    const entry = this.entry(caseId, rule);
    entry.fields.add(coordinate);
    if (subjectId) entry.subjectIds.add(subjectId);
  }

  withhold(caseId: string, coordinate: string, rule: string): void {
    this.entry(caseId, rule).withheld.add(coordinate);
  }

  entries(user: AuthenticatedUser | null, requestId: string): AuditEntryInput[] {
    const out: AuditEntryInput[] = [];
    for (const [caseId, read] of this.byCase) {
      const fields = [...read.fields].filter((coordinate) => !this.requested || this.requested.has(coordinate));
      if (fields.length === 0 && read.withheld.size === 0) continue;
      const withheld = [...read.withheld].map(pathOf).sort();
      out.push({
        kind: AuditKind.CASE_READ,
        decision: AuditDecision.ALLOWED,
        actorId: user?.id ?? null,
        actorRoles: user?.roles ?? [],
        organisation: user?.organisation ?? null,
        caseId,
        subjectIds: fields.some((coordinate) => coordinate.startsWith('Subject.')) ? [...read.subjectIds].sort() : [],
        fields: fields.map(pathOf).sort(),
        rule: read.rule,
        reason: withheld.length > 0 ? `Pseudonymised view: withheld ${withheld.join(', ')}` : 'Read of the hub\'s case record',
        requestId,
      });
    }
    return out;
  }

  /** Starts writing what was read so far, one entry per case, without waiting for it. */
  flush(): void {
    if (!this.writer) return;
    const entries = this.entries(this.writer.user, this.writer.requestId);
    this.byCase.clear();
    if (entries.length > 0) this.writes.push(this.writer.write(entries).then(() => null, (error: unknown) => error ?? new Error('write failed')));
  }

  /** Writes what remains and waits for every write of the request; throws the first failure. */
  async settle(): Promise<void> {
    this.flush();
    const failure = (await Promise.all(this.writes)).find((outcome) => outcome !== null);
    if (failure) throw failure;
  }

  private entry(caseId: string, rule: string): CaseRead {
    let entry = this.byCase.get(caseId);
    if (!entry) this.byCase.set(caseId, (entry = { fields: new Set(), withheld: new Set(), subjectIds: new Set(), rule }));
    return entry;
  }
}

function pathOf(coordinate: string): string {
  const [type, field] = coordinate.split('.');
  return `${PATH_FROM_CASE[type] ?? `${type}.`}${field}`;
}
