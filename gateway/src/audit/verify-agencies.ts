import { verifyCheckpoint, verifyDisclosureChain, type JSONWebKeySet, type StoredDisclosure } from '@mash/shared';

/** Anything that runs SQL: a TypeORM DataSource, a pg client. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown[]>;
}

/** What the audit command found in one agency's database. */
export interface AgencyAuditReport {
  agency: string;
  /** Checkpoints the agency holds that the gateway's key signed (or all of them, when no key was given). */
  checkpoints: number;
  /** The newest of them. */
  newest?: { seq: string; signedAt: Date };
  disclosures: number;
  /** Each a sentence naming what is wrong; empty when everything reconciles. */
  problems: string[];
  /** Things the reader should know that are not failures. */
  notes: string[];
}

export interface AgencyAuditOptions {
  agency: string;
  hub: Queryable;
  db: Queryable;
  /** The hub chain's head as just verified; undefined for an empty log. */
  hubHead?: { seq: string; hash: string };
  /** The gateway's public keys, to check each checkpoint's signature. Undefined: compared unchecked (noted). */
  keys?: JSONWebKeySet;
  issuer: string;
  /** Most problems listed per kind (the count is always given). Default 10. */
  listLimit?: number;
}

interface StoredCheckpoint {
  seq: string;
  hash: string;
  signedAt: Date;
  token: string;
}

/**
 * One agency's side of the audit: the gateway's checkpoints it holds, held against the hub's
 * chain (an entry missing or with another hash means the hub's log was cut short or rewritten and
 * rehashed, whoever had the database); its own disclosure chain; and each disclosure's grant held
 * against the hub's record of issuing it (a grant the hub never logged means a forged grant or a
 * leaked signing key).
 */
export async function auditAgency(options: AgencyAuditOptions): Promise<AgencyAuditReport> {
  const report: AgencyAuditReport = { agency: options.agency, checkpoints: 0, disclosures: 0, problems: [], notes: [] };
  await compareCheckpoints(options, report);
  await reconcileDisclosures(options, report);
  return report;
}

async function compareCheckpoints(options: AgencyAuditOptions, report: AgencyAuditReport): Promise<void> {
  const { agency } = options;
  const stored = (await options.db.query(
    'SELECT seq::text AS seq, hash, signed_at AS "signedAt", token FROM audit_checkpoint ORDER BY seq, signed_at',
  )) as StoredCheckpoint[];
  const trusted: StoredCheckpoint[] = [];
  let forged = 0;
  for (const row of stored) {
    if (!options.keys) {
      trusted.push(row);
      continue;
    }
    try {
      // The token, not the row, is the gateway's word: a row edited at the agency is caught here.
      const signed = await verifyCheckpoint(row.token, options.keys, options.issuer);
      if (signed.seq !== row.seq || signed.hash !== row.hash) throw new Error('row differs from its token');
      trusted.push({ ...row, signedAt: signed.signedAt });
    } catch {
      forged += 1;
    }
  }
  if (forged > 0) report.problems.push(`${agency}: ${forged} stored checkpoint(s) are not signed by the gateway's key (or were altered after fetching): they were not used`);
  if (!options.keys && stored.length > 0) report.notes.push(`${agency}: checkpoint signatures not checked (no gateway key given: MASH_GATEWAY_JWKS_FILE or MASH_GRANT_PRIVATE_KEY)`);
  report.checkpoints = trusted.length;
  if (trusted.length === 0) {
    report.notes.push(`${agency}: holds no checkpoint, so a hub log cut short or rehashed cannot be detected from it`);
    return;
  }
  const newest = trusted.reduce((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? b : a));
  report.newest = { seq: newest.seq, signedAt: newest.signedAt };
  const seqs = [...new Set(trusted.map((row) => row.seq))];
  const hubRows = (await options.hub.query('SELECT seq::text AS seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])', [seqs])) as { seq: string; hash: string }[];
  const hubHash = new Map(hubRows.map((row) => [row.seq, row.hash]));
  const found: string[] = [];
  for (const checkpoint of trusted) {
    const at = `checkpoint seq ${checkpoint.seq} signed ${checkpoint.signedAt.toISOString()}`;
    const hash = hubHash.get(checkpoint.seq);
    if (hash === undefined) {
      const head = options.hubHead;
      found.push(
        !head || BigInt(checkpoint.seq) > BigInt(head.seq)
          ? `${agency}: ${at}: the hub's log ends at seq ${head?.seq ?? 0}, so entries signed for were removed from its end (truncation)`
          : `${agency}: ${at}: the hub's log has no entry ${checkpoint.seq}, so entries were removed`,
      );
    } else if (hash !== checkpoint.hash) {
      found.push(`${agency}: ${at}: the hub's entry ${checkpoint.seq} has hash ${hash.slice(0, 12)}..., the gateway signed ${checkpoint.hash.slice(0, 12)}...: the log was rewritten and rehashed`);
    }
  }
  pushLimited(report.problems, found, options.listLimit, `${agency}: checkpoint(s) that do not match the hub's chain`);
}

/** A grant as the hub's access log recorded issuing it. */
export interface IssuedGrant {
  grantId: string;
  agency: string | null;
  caseId: string | null;
  actorId: string | null;
  subjectIds: string[];
}

async function reconcileDisclosures(options: AgencyAuditOptions, report: AgencyAuditReport): Promise<void> {
  const { agency } = options;
  const unknown: string[] = [];
  const mismatched: string[] = [];
  const chain = await verifyDisclosureChain(options.db, {
    onBatch: async (rows: StoredDisclosure[]) => {
      const grantIds = [...new Set(rows.flatMap((row) => (row.grantId ? [row.grantId] : [])))];
      if (grantIds.length === 0) return;
      const byId = await issuedGrants(options.hub, grantIds);
      for (const row of rows) {
        const at = `disclosure seq ${row.seq} (${row.disclosedAt.toISOString()}) under grant ${row.grantId}`;
        if (!row.grantId) {
          mismatched.push(`${agency}: disclosure seq ${row.seq} names no grant`);
          continue;
        }
        const grant = byId.get(row.grantId);
        if (!grant) {
          unknown.push(`${agency}: ${at}: the hub never issued this grant (a forged grant or a leaked signing key)`);
          continue;
        }
        const wrong = [
          grant.agency !== agency && `issued for ${grant.agency}`,
          grant.caseId !== row.caseId && `case ${row.caseId}, issued for ${grant.caseId}`,
          grant.actorId !== row.userId && `user ${row.userId}, issued for ${grant.actorId}`,
          grant.subjectIds.length > 0 && !grant.subjectIds.includes(row.subjectId) && `subject ${row.subjectId} not among the grant's`,
        ].filter(Boolean);
        if (wrong.length > 0) mismatched.push(`${agency}: ${at}: differs from the hub's record: ${wrong.join('; ')}`);
      }
    },
  });
  report.disclosures = chain.entries;
  if (!chain.ok) {
    const broken = chain.firstBroken!;
    report.problems.push(`${agency}: disclosure log BROKEN at seq ${broken.seq} (id ${broken.id}): ${broken.reason}`);
  }
  pushLimited(report.problems, unknown, options.listLimit, `${agency}: disclosure(s) under grants the hub never issued`);
  pushLimited(report.problems, mismatched, options.listLimit, `${agency}: disclosure(s) that differ from the hub's record of their grant`);
}

/** The grants among `grantIds` the hub issued, by id: its allowed AGENCY_FETCH entries carrying them (also read by the alert scanner). */
export async function issuedGrants(hub: Queryable, grantIds: readonly string[]): Promise<Map<string, IssuedGrant>> {
  if (grantIds.length === 0) return new Map();
  const issued = (await hub.query(
    `SELECT grant_id AS "grantId", agency, case_id AS "caseId", actor_id AS "actorId", subject_ids AS "subjectIds"
       FROM audit_log WHERE grant_id = ANY($1::text[]) AND kind = 'AGENCY_FETCH' AND decision = 'ALLOWED'`,
    [grantIds],
  )) as IssuedGrant[];
  return new Map(issued.map((grant) => [grant.grantId, grant]));
}

function pushLimited(into: string[], found: string[], limit = 10, summary: string): void {
  into.push(...found.slice(0, limit));
  if (found.length > limit) into.push(`${summary}: ${found.length - limit} more not listed (${found.length} in all)`);
}
