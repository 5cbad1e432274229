import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireRole } from '../auth/require-role';
import type { HubRole } from '../auth/user';
import type { GatewayContext } from '../context';
import { buildHubReport } from './hub-report';
import { HubReport } from './report.type';

/** Who may read the hub's report: managers and governance (the board); counts only, no one's details. */
export const REPORT_READERS: readonly HubRole[] = ['mash-manager', 'governance'];

@Resolver()
export class HubReportResolver {
  @Query(() => HubReport, {
    description:
      "The hub's report for a period, for managers and the board: referrals by pathway and kind, the rating split, time to rating and to decision, the backlog, feedback to referrers, the domestic-abuse screening queue, onward notifications and triangulation findings, each with how it was counted. Managers and governance only; counts, never anyone's details",
  })
  hubReport(
    @Arg('from', { description: 'First day of the period, YYYY-MM-DD (a Europe/London day), not in the future' }) from: string,
    @Arg('to', { description: 'Last day of the period, YYYY-MM-DD, included; on or after from, and less than 2 years after it' }) to: string,
    @Ctx() context: GatewayContext,
  ): Promise<HubReport> {
    requireRole(context.user, REPORT_READERS, "read the hub's report");
    return buildHubReport(context.hub, from, to);
  }
}
