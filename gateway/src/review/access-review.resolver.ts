import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { accessFilters, accessLogEntry, accessPage, describeFilters } from './access-review';
import { AccessLogConnection, AccessReviewArgs } from './access-review.type';
import { referencesOf } from './case-references';
import { decodeCursor, encodeCursor } from './cursor';
import { auditRead, requireReviewer } from './guard';
import { reviewCalendar } from './working-time';

@Resolver()
export class AccessReviewResolver {
  @Query(() => AccessLogConnection, {
    description:
      'Review of access: the access log filtered by user, case, subject, agency, decision, rule, kind and period, newest first, a page at a time ' +
      '(ask again with after = pageInfo.endCursor for the next page). Governance only; each read is itself written to the access log',
  })
  async accessReview(@Args() args: AccessReviewArgs, @Ctx() context: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<AccessLogConnection> {
    const user = await requireReviewer(context, 'accessReview');
    const { calendar } = await reviewCalendar(context.policies);
    const filters = await accessFilters(context.hub, args, calendar.timeZone);
    const beforeSeq = args.after === null ? null : decodeCursor(args.after, filters);
    await auditRead(context, user, 'accessReview', {
      caseId: filters.caseId,
      agency: filters.agency,
      subjectIds: filters.subjectId ? [filters.subjectId] : [],
      reason: describeFilters(filters, args.first, args.after),
    }, info);
    const { rows, more } = await accessPage(context.hub, filters, args.first, beforeSeq);
    const references = await referencesOf(context.hub, rows.map((row) => row.caseId));
    const edges = rows.map((row) => ({
      cursor: encodeCursor(row.seq, filters),
      node: accessLogEntry(row),
      caseReference: (row.caseId && references.get(row.caseId)) ?? null,
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: beforeSeq !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
