import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { sortActivity, userActivity } from './activity';
import { MAX_ACTIVITY_DAYS, MAX_USERS, UserActivityArgs, UserActivityReport } from './activity.type';
import { badArgument } from './errors';
import { auditRead, requireReviewer } from './guard';
import { period } from './period';
import { describeCalendar, reviewCalendar } from './working-time';

@Resolver()
export class UserActivityResolver {
  @Query(() => UserActivityReport, {
    description:
      "Per-user activity summaries for a period: each user's agency fetches allowed and denied (per agency, denials per rule), case reads, distinct cases and people, " +
      "first and last access, accesses outside the hub's working calendar and their busiest day; ordered by a chosen measure of volume. Governance only; the read is written to the access log",
  })
  async userActivity(@Args() args: UserActivityArgs, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<UserActivityReport> {
    const user = await requireReviewer(context, 'userActivity');
    const { calendar, policyVersion } = await reviewCalendar(context.policies);
    const { from, to } = period(args.from, args.to, calendar.timeZone, MAX_ACTIVITY_DAYS);
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_USERS) throw badArgument('limit', `must be 1 to ${MAX_USERS}`);
    if (args.userId !== null && (args.userId.trim() === '' || args.userId.length > 200)) throw badArgument('userId', 'must be a user id of 1 to 200 characters');
    await auditRead(context, user, 'userActivity', {
      reason: `from=${from!.toISOString()} to=${to!.toISOString()}${args.userId ? ` userId=${args.userId}` : ''} orderBy=${args.orderBy} limit=${args.limit}`,
    }, info);
    const users = sortActivity(await userActivity(context.hub, { from: from!, to: to!, userId: args.userId, calendar }), args.orderBy);
    return {
      from: from!.toISOString(),
      to: to!.toISOString(),
      workingCalendar: describeCalendar(calendar),
      policyVersion,
      orderBy: args.orderBy,
      users: users.slice(0, args.limit),
      moreUsers: users.length > args.limit,
    };
  }
}
