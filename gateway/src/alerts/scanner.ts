import type { DataSource, EntityManager } from 'typeorm';
import { createLogger, type Logger } from '@mash/shared';
import { issuedGrants, type Queryable } from '../audit/verify-agencies';
import { DEFAULT_POLICY, defaultAlertRules, PolicyStore, type AlertRule, type PolicyDocument } from '../policy';
import { ContextCache } from './context-cache';
import { allowedFetchCounts, caseRatings, disclosuresAfter, entriesAfter, insertAlerts, moveWatermark, ratingSteps, relevant, urgentReviews, watermark } from './queries';
import {
  dayStart, evaluateEntries, isAllowedFetch, isEntryRule, isWorkingTime, localDay, lookbackStart, thresholdErrors, unissuedGrants, urgentUnreviewed, volumeDays, volumeKey,
  type EntryWindow,
} from './rules';

/** 'MASH' and 0xa1 (alerts): clear of the audit chain's and the disclosure chains' advisory locks. */
export const SCAN_LOCK = String((0x4d415348n << 32n) | 0xa1n);
/** Reviews closed this long before the last scan are looked at again (clocks of two gateways differ a little). */
const REVIEW_OVERLAP_MS = 5 * 60_000;

/** What one scan did. */
export interface ScanReport {
  /** False when another gateway was scanning and this pass did not wait for it. */
  ran: boolean;
  raised: number;
  entriesScanned: number;
  disclosuresScanned: number;
  /** The access log's seq the scan has read up to. */
  accessLogSeq: string;
  policyVersion: string | null;
  /** Rules skipped, disclosure logs not reachable: what a reviewer should know. */
  notes: string[];
  scannedAt: Date;
}

export interface AlertScannerOptions {
  /** Access-log entries (or disclosures) read per transaction. Default 2000. */
  pageSize?: number;
  now?: () => Date;
  logger?: Logger;
}

/**
 * Evaluates the active ISA policy's alert rules over what happened since the last scan. Each page
 * of the access log (or of a disclosure log) is one transaction that takes the scan lock, reads
 * the watermark, inserts the alerts it finds and moves the watermark: a crash loses nothing and
 * counts nothing twice (and the dedup key catches anything raised again). The advisory lock makes
 * the scan single-flight across every gateway on the hub database.
 */
export class AlertScanner {
  private static readonly byHub = new WeakMap<DataSource, AlertScanner>();

  /** The process's scanner for that hub database, so the resolver, the scheduler and tests share its disclosure logs. */
  static for(hub: DataSource): AlertScanner {
    let scanner = AlertScanner.byHub.get(hub);
    if (!scanner) AlertScanner.byHub.set(hub, (scanner = new AlertScanner(hub)));
    return scanner;
  }

  private disclosureLogs: Partial<Record<string, Queryable>> = {};
  private readonly policies: PolicyStore;

  constructor(private readonly hub: DataSource, private options: AlertScannerOptions = {}) {
    // Its own store, uncached and read-only: a policy activated by another gateway counts at once.
    this.policies = new PolicyStore({ dataSource: hub, cacheTtlMs: 0, onChange: async () => undefined });
  }

  configure(options: AlertScannerOptions): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  /** The agencies' disclosure databases this gateway can read (UNISSUED_GRANT); agencies left out are noted on each scan. */
  useDisclosureLogs(logs: Partial<Record<string, Queryable>>): this {
    this.disclosureLogs = { ...logs };
    return this;
  }

  /** One scan to the end of every source. `wait`: wait for another gateway's scan rather than skip. */
  async scan(options: { wait?: boolean } = {}): Promise<ScanReport> {
    const now = this.now();
    const policy = await this.policies.active();
    const report: ScanReport = { ran: true, raised: 0, entriesScanned: 0, disclosuresScanned: 0, accessLogSeq: '0', policyVersion: policy?.version ?? null, notes: [], scannedAt: now };
    const rules = this.usableRules(policy, report);
    const wait = options.wait ?? false;
    const pass = (work: (manager: EntityManager) => Promise<boolean>) => this.locked(wait, work);
    const context = new ContextCache();
    for (;;) {
      const more = await pass((manager) => this.entryPage(manager, rules, policy ?? DEFAULT_POLICY, report, now, context));
      if (more === null) return { ...report, ran: false };
      if (!more) break;
    }
    await pass((manager) => this.reviews(manager, rules, report, now));
    const grantRules = rules.filter((rule) => rule.kind === 'UNISSUED_GRANT');
    // Without such a rule the disclosure logs are not read and their watermarks stay: enabling one later checks everything since.
    if (grantRules.length > 0) await this.disclosures(grantRules, report, now, pass);
    return report;
  }

  /** The enabled rules (the built-in ones when the policy has none), less any with bad thresholds. */
  private usableRules(policy: PolicyDocument | null, report: ScanReport): AlertRule[] {
    const rules = policy?.alerts?.rules ?? defaultAlertRules();
    return rules.filter((rule, i) => {
      if (!rule.enabled) return false;
      const errors = thresholdErrors(rule, `/alerts/rules/${i}`);
      if (errors.length > 0) report.notes.push(`rule ${rule.id} skipped: ${errors.join('; ')}`);
      return errors.length === 0;
    });
  }

  /** Runs `work` in a transaction holding the scan lock; null when another holds it and `wait` is false. */
  private async locked(wait: boolean, work: (manager: EntityManager) => Promise<boolean>): Promise<boolean | null> {
    return this.hub.transaction(async (manager) => {
      if (wait) await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [SCAN_LOCK]);
      else {
        const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [SCAN_LOCK]);
        if (!locked) return null;
      }
      return work(manager);
    });
  }

  /** One page of the access log; true when there may be more. */
  private async entryPage(manager: EntityManager, rules: AlertRule[], policy: PolicyDocument, report: ScanReport, now: Date, context: ContextCache): Promise<boolean> {
    const source = 'access-log';
    const pageSize = this.options.pageSize ?? 2000;
    const { position } = await watermark(manager, source);
    report.accessLogSeq = position;
    const page = await entriesAfter(manager, position, pageSize);
    if (page.length === 0) return false;
    const fresh = page.filter(relevant);
    const entryRules = rules.filter(isEntryRule);
    if (fresh.length > 0 && entryRules.length > 0) {
      const window = await this.window(manager, entryRules, policy, position, fresh, context);
      report.raised += await insertAlerts(manager, evaluateEntries(entryRules, window), report.policyVersion, now);
    }
    const last = page[page.length - 1].seq;
    await moveWatermark(manager, source, last, now);
    context.advance(fresh, last);
    report.entriesScanned += page.length;
    report.accessLogSeq = last;
    return page.length === pageSize;
  }

  /** The new entries with what the rules need around them. */
  private async window(manager: EntityManager, rules: AlertRule[], policy: PolicyDocument, after: string, fresh: EntryWindow['entries'], context: ContextCache): Promise<EntryWindow> {
    const calendar = policy.workingCalendar;
    const earliest = new Date(Math.min(...fresh.map((entry) => entry.at.getTime())));
    const since = lookbackStart(rules, earliest, dayStart(localDay(earliest, calendar), calendar));
    const users = [...new Set(fresh.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
    const entries = [...(await context.entries(manager, users, since, after)), ...fresh];
    const ratingIds = entries.flatMap((entry) => (entry.rule === 'RATE_CASE' ? [/\brating=(\S+)/.exec(entry.reason ?? '')?.[1] ?? ''] : []));
    const partial = { entries, freshAfter: BigInt(after), calendar };
    const offHours = rules.some((rule) => rule.kind === 'OUT_OF_HOURS')
      ? entries.filter((entry) => isAllowedFetch(entry) && entry.caseId && !isWorkingTime(entry.at, calendar)).map((entry) => entry.caseId!)
      : [];
    // One after another: a transaction is one connection.
    const ratings = await ratingSteps(manager, ratingIds);
    const ratingsOfCases = await caseRatings(manager, offHours);
    const baselines = await this.baselines(manager, rules, partial);
    return { ...partial, ratings, caseRatings: ratingsOfCases, baselines, opensSharing: policy.ratingControl.opensSharing };
  }

  /** For each unusual-volume rule and user-day with a new fetch: the user's fetches over the rule's baseline days before it. */
  private async baselines(manager: EntityManager, rules: AlertRule[], window: Pick<EntryWindow, 'entries' | 'freshAfter' | 'calendar'>): Promise<Map<string, number>> {
    const baselines = new Map<string, number>();
    const days = volumeDays(window);
    for (const rule of rules.filter((candidate) => candidate.kind === 'UNUSUAL_VOLUME')) {
      for (const day of new Set(days.map((item) => item.day))) {
        const users = days.filter((item) => item.day === day).map((item) => item.userId);
        const to = dayStart(day, window.calendar);
        const counts = await allowedFetchCounts(manager, users, dayStart(day, window.calendar, rule.baselineDays!), to);
        for (const userId of users) baselines.set(volumeKey(rule.id, userId, day), counts.get(userId) ?? 0);
      }
    }
    return baselines;
  }

  /** Urgent ratings not reviewed in time: those still open, and those closed since the last scan (in case it closed late). */
  private async reviews(manager: EntityManager, rules: AlertRule[], report: ScanReport, now: Date): Promise<boolean> {
    const source = 'rating-reviews';
    const urgent = rules.filter((rule) => rule.kind === 'URGENT_RATING_UNREVIEWED');
    const { scannedAt } = await watermark(manager, source);
    if (urgent.length > 0) {
      const reviews = await urgentReviews(manager, new Date((scannedAt?.getTime() ?? 0) - REVIEW_OVERLAP_MS));
      for (const rule of urgent) report.raised += await insertAlerts(manager, urgentUnreviewed(rule, reviews, now), report.policyVersion, now);
    }
    await moveWatermark(manager, source, '0', now);
    return false;
  }

  /** Each reachable agency's disclosure log since its watermark, page by page. */
  private async disclosures(rules: AlertRule[], report: ScanReport, now: Date, pass: (work: (manager: EntityManager) => Promise<boolean>) => Promise<boolean | null>): Promise<void> {
    const agencies = ['police', 'social-care', 'health', 'education'];
    const unreachable = agencies.filter((agency) => !this.disclosureLogs[agency]);
    if (unreachable.length > 0) report.notes.push(`disclosure logs not reachable from this gateway, not checked for grants the hub never issued: ${unreachable.join(', ')}`);
    for (const agency of agencies) {
      const db = this.disclosureLogs[agency];
      if (!db) continue;
      try {
        while (await pass((manager) => this.disclosurePage(manager, agency, db, rules, report, now)));
      } catch (error) {
        this.logger().error('alert_scan_disclosures_failed', { agency, error: (error as Error).name, sqlState: (error as { code?: string }).code ?? null });
        report.notes.push(`${agency}: its disclosure log could not be read this time (${(error as Error).name}); it is read from the same place next time`);
      }
    }
  }

  private async disclosurePage(manager: EntityManager, agency: string, db: Queryable, rules: AlertRule[], report: ScanReport, now: Date): Promise<boolean> {
    const source = `disclosures:${agency}`;
    const pageSize = this.options.pageSize ?? 2000;
    const { position } = await watermark(manager, source);
    const rows = await disclosuresAfter(db, position, pageSize);
    if (rows.length === 0) return false;
    const grants = await issuedGrants(manager, [...new Set(rows.flatMap((row) => (row.grantId ? [row.grantId] : [])))]);
    const issued = new Set([...grants.values()].filter((grant) => grant.agency === agency).map((grant) => grant.grantId));
    for (const rule of rules) report.raised += await insertAlerts(manager, unissuedGrants(rule, agency, rows, issued), report.policyVersion, now);
    await moveWatermark(manager, source, rows[rows.length - 1].seq, now);
    report.disclosuresScanned += rows.length;
    return rows.length === pageSize;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private logger(): Logger {
    return this.options.logger ?? createLogger('gateway');
  }
}
