import type { AlertRule } from '../../policy';
import { AlertEvidenceLog } from '../entities/enums';
import { candidate, iso, MAX_EVIDENCE, span, type AlertCandidate } from './types';

/** A row of an agency's disclosure log as the rule reads it (ids only). */
export interface Disclosure {
  seq: string;
  id: string;
  disclosedAt: Date;
  grantId: string | null;
  caseId: string | null;
  userId: string | null;
  subjectId: string;
}

/**
 * UNISSUED_GRANT: disclosures an agency logged under a grant id the hub never issued to that agency
 * (`issued` holds the grant ids the hub's access log shows it issued to `agency`), or under no grant
 * at all. One alert per grant (per disclosure when none was named).
 */
export function unissuedGrants(rule: AlertRule, agency: string, disclosures: readonly Disclosure[], issued: ReadonlySet<string>): AlertCandidate[] {
  const byGrant = new Map<string, Disclosure[]>();
  for (const row of disclosures) {
    if (row.grantId && issued.has(row.grantId)) continue;
    const key = row.grantId ? `grant:${row.grantId}` : `disclosure:${row.id}`;
    byGrant.set(key, [...(byGrant.get(key) ?? []), row]);
  }
  return [...byGrant].map(([key, rows]) => {
    const first = rows[0];
    const { from, to } = span(rows.map((row) => ({ at: row.disclosedAt })));
    const under = first.grantId ? `under grant ${first.grantId}, which the hub never issued to ${agency}` : 'naming no grant at all';
    return candidate(rule, {
      userId: first.userId,
      caseId: first.caseId,
      agency,
      from,
      to,
      summary:
        `${agency} logged ${rows.length} disclosure(s) about ${new Set(rows.map((row) => row.subjectId)).size} subject(s) ${under} ` +
        `(claiming case ${first.caseId ?? 'none'} and user ${first.userId ?? 'none'}), from ${iso(from)}: a forged grant, a leaked signing key or an agency answering without a grant.`,
      evidence: rows.slice(0, MAX_EVIDENCE).map((row) => ({ log: AlertEvidenceLog.DISCLOSURE_LOG, agency, seq: row.seq, id: row.id })),
    }, `${agency}:${key}`);
  });
}
