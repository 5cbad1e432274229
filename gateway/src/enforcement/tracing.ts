import { inSpan, MashAttributes, recordSpan, type AgencyName } from '@mash/shared';
import type { AuditEntryInput } from '../audit';
import type { GatewayContext } from '../context';
import type { CaseGroup } from './enforcement-point';

/**
 * The enforcement point's spans: one around deciding an agency fetch (case look-up, policy,
 * grants, access log), one around the access-log append, and one per decision as the access
 * log recorded it. Ids, rules and counts only: who the subjects are stays in the access log,
 * found from a span by its request id and grant id.
 */
export function tracedEnforcement<T>(agency: AgencyName, context: GatewayContext, subjects: number, decide: () => Promise<T>): Promise<T> {
  return inSpan('mash.enforcement', { [MashAttributes.agency]: agency, [MashAttributes.requestId]: context.requestId, [MashAttributes.subjects]: subjects }, decide);
}

export function tracedAppend(entries: AuditEntryInput[], append: () => Promise<unknown>): Promise<unknown> {
  return inSpan('mash.access_log.append', { [MashAttributes.entries]: entries.length, [MashAttributes.requestId]: entries[0]?.requestId ?? '' }, append);
}

/** One span per group as decided and audited (an append that failed turned every group into a denial). */
export function traceDecisions(groups: CaseGroup[], entries: AuditEntryInput[]): CaseGroup[] {
  groups.forEach((group, index) => {
    const entry = entries[index];
    recordSpan('mash.enforcement.decision', {
      [MashAttributes.agency]: entry?.agency ?? '',
      [MashAttributes.requestId]: entry?.requestId ?? '',
      [MashAttributes.decision]: group.decision.allowed && group.grantId ? 'ALLOWED' : 'DENIED',
      [MashAttributes.rule]: group.decision.rule,
      [MashAttributes.policyVersion]: group.decision.policyVersion,
      [MashAttributes.subjects]: group.subjectIds.length,
      ...(group.decision.allowed && group.grantId ? { [MashAttributes.grantId]: group.grantId } : {}),
    });
  });
  return groups;
}

/** Around one request to an agency under one grant: the agency's own spans continue this trace beneath it. */
export function tracedRequest<T>(agency: AgencyName, context: GatewayContext, group: CaseGroup, send: () => Promise<T>): Promise<T> {
  return inSpan('mash.agency.request', {
    [MashAttributes.agency]: agency,
    [MashAttributes.requestId]: context.requestId,
    [MashAttributes.grantId]: group.grantId ?? '',
    [MashAttributes.subjects]: group.subjectIds.length,
  }, send);
}
