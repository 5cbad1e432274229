import { Counter, Histogram } from 'prom-client';
import { MatchStatusValue } from '../envelope';
import type { GrantGuardObserver } from '../grants/guard';
import { DURATION_BUCKETS, timed, type ServiceMetrics } from '../telemetry/metrics';

/** Subjects per `_entities` call: one person to a large household, and a bulk request. */
const BATCH_BUCKETS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 100, 200];

/** An agency's own series, beside the GraphQL, HTTP and pool series every service has. */
export class AgencyMetrics implements GrantGuardObserver {
  readonly batchSize: Histogram;
  readonly matchOutcomes: Counter<'status'>;
  readonly disclosureAppend: Histogram;
  readonly disclosureFailures: Counter;
  readonly grantsAccepted: Counter;
  readonly grantsRefused: Counter<'reason'>;

  constructor(readonly service: ServiceMetrics) {
    const registers = [service.registry];
    this.batchSize = new Histogram({ name: 'mash_agency_entity_batch_size', help: 'Subjects answered per batch (one _entities call of the gateway)', buckets: BATCH_BUCKETS, registers });
    this.matchOutcomes = new Counter({ name: 'mash_agency_match_outcomes_total', help: 'Subjects answered, by match status (MATCHED, AMBIGUOUS, NOT_KNOWN)', labelNames: ['status'], registers });
    for (const status of Object.values(MatchStatusValue)) this.matchOutcomes.inc({ status }, 0);
    this.disclosureAppend = new Histogram({ name: 'mash_disclosure_log_append_duration_seconds', help: 'Writing a batch of disclosure-log rows, queue wait included (group commit)', buckets: DURATION_BUCKETS, registers });
    this.disclosureFailures = new Counter({ name: 'mash_disclosure_log_append_failures_total', help: 'Disclosure-log writes that failed (the request then answered nothing)', registers });
    this.grantsAccepted = new Counter({ name: 'mash_grants_accepted_total', help: 'Requests let through by the grant guard (grant valid, in scope and first use)', registers });
    this.grantsRefused = new Counter({ name: 'mash_grants_refused_total', help: 'Requests refused by the grant guard, by reason (unrecorded: valid but its use could not be recorded)', labelNames: ['reason'], registers });
  }

  accepted(): void {
    this.grantsAccepted.inc();
  }

  refused(reason: string): void {
    this.grantsRefused.inc({ reason });
  }

  /** One `_entities` batch of `size` subjects. */
  batch(size: number): void {
    this.batchSize.observe(size);
  }

  /** The match status of each subject answered. */
  matched(statuses: readonly string[]): void {
    for (const status of statuses) this.matchOutcomes.inc({ status });
  }

  /** Times one disclosure-log write (and counts it when it fails). */
  disclosure<T>(write: () => Promise<T>): Promise<T> {
    return timed(write, this.disclosureAppend, this.disclosureFailures);
  }
}
