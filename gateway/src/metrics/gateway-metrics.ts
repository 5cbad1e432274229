import { Counter, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { AGENCIES, BoundedLabel, DURATION_BUCKETS, type Logger, type ServiceMetrics } from '@mash/shared';
import type { AppendObserver } from '../audit/audit-log';
import { registerHubGauges } from './hub-gauges';

/** How an agency fetch ended, one per case group: the decision, or the agency not answering. */
export type FetchOutcome = 'allowed' | 'denied' | 'unavailable';

export interface GatewayMetricsOptions {
  /** The hub database: its pool, overdue cases and the DA screening queue. */
  hub: DataSource;
  /** Seconds the hub gauges computed on a scrape are reused (default 15). */
  cacheSeconds?: number;
  logger: Logger;
}

/**
 * The gateway's own series beside the GraphQL, HTTP and pool series every service has: agency
 * fetches by outcome, the access log's appends, grants minted, and gauges of the hub's work
 * computed from its database when scraped. Labels are agencies, rules, codes and purposes, never
 * ids or anything about a person.
 */
export class GatewayMetrics implements AppendObserver {
  readonly agencyFetches: Counter<'agency' | 'outcome' | 'reason'>;
  readonly agencyRequestDuration: Histogram<'agency' | 'outcome'>;
  readonly agencyAnswerErrors: Counter<'agency' | 'code'>;
  readonly accessLogAppend: Histogram;
  readonly accessLogFailures: Counter;
  readonly accessLogEntries: Counter;
  readonly grantsMinted: Counter<'agency' | 'purpose'>;
  /** Policy rule ids come from a versioned document governance can extend: capped all the same. */
  private readonly rules = new BoundedLabel(100);
  private readonly purposes = new BoundedLabel(20);

  constructor(readonly service: ServiceMetrics, options: GatewayMetricsOptions) {
    const registers = [service.registry];
    this.agencyFetches = new Counter({
      name: 'mash_agency_fetches_total',
      help: 'Agency fetches per case group, by outcome: allowed (reason: the allowing rule; the agency answered), denied (reason: the denying rule; nothing sent), unavailable (reason: the error code)',
      labelNames: ['agency', 'outcome', 'reason'], registers,
    });
    this.agencyRequestDuration = new Histogram({
      name: 'mash_agency_request_duration_seconds', help: 'Requests to an agency, from sending to its answer or failure (timeout included), by outcome (allowed: answered; unavailable)',
      labelNames: ['agency', 'outcome'], buckets: DURATION_BUCKETS, registers,
    });
    this.agencyAnswerErrors = new Counter({ name: 'mash_agency_answer_errors_total', help: "Errors in agencies' answers, one per subject, by code (e.g. AGENCY_UNAVAILABLE when its database failed)", labelNames: ['agency', 'code'], registers });
    this.accessLogAppend = new Histogram({ name: 'mash_access_log_append_duration_seconds', help: 'One append to the access log (one call: its queue wait and the chained write)', buckets: DURATION_BUCKETS, registers });
    this.accessLogFailures = new Counter({ name: 'mash_access_log_append_failures_total', help: 'Appends to the access log that failed (agency fetches are then denied: fail closed)', registers });
    this.accessLogEntries = new Counter({ name: 'mash_access_log_entries_appended_total', help: 'Entries written to the access log', registers });
    this.grantsMinted = new Counter({ name: 'mash_grants_minted_total', help: 'Grants the gateway signed, by agency and purpose', labelNames: ['agency', 'purpose'], registers });
    for (const agency of AGENCIES) this.grantsMinted.inc({ agency, purpose: 'MASH_TRIAGE' }, 0);
    service.trackPool('hub', options.hub);
    registerHubGauges(service.registry, options.hub, { cacheSeconds: options.cacheSeconds ?? 15, logger: options.logger });
  }

  /** A case group decided and, when allowed, answered (`reason` the rule), or denied by `reason`. */
  fetched(agency: string, outcome: FetchOutcome, reason: string): void {
    this.agencyFetches.inc({ agency, outcome, reason: outcome === 'unavailable' ? this.service.errorCode(reason) : this.rules.value(reason) });
  }

  /** Starts timing one request to `agency`; call the result with how it ended. */
  agencyRequest(agency: string): (outcome: 'allowed' | 'unavailable') => void {
    const end = this.agencyRequestDuration.startTimer({ agency });
    return (outcome) => void end({ outcome });
  }

  answerError(agency: string, code: unknown): void {
    this.agencyAnswerErrors.inc({ agency, code: this.service.errorCode(code ?? 'AGENCY_UNAVAILABLE') });
  }

  minted(grant: { agency: string; purpose: string }): void {
    this.grantsMinted.inc({ agency: grant.agency, purpose: this.purposes.value(grant.purpose) });
  }

  appended(seconds: number, entries: number): void {
    this.accessLogAppend.observe(seconds);
    this.accessLogEntries.inc(entries);
  }

  appendFailed(seconds: number): void {
    this.accessLogAppend.observe(seconds);
    this.accessLogFailures.inc();
  }
}
