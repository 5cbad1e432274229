import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { readDisclosureLogs } from './agency-disclosures';
import { badArgument } from './errors';
import { auditRead, requireReviewer } from './guard';
import { checkPerson, findPerson } from './person';
import { assemble, hubEntriesAbout } from './who-has-seen';
import { PersonIdentifiersInput, WhoHasSeenReport } from './who-has-seen.type';

const MAX_ACCESSES = 5000;

@Resolver()
export class WhoHasSeenResolver {
  @Query(() => WhoHasSeenReport, {
    description:
      "Who has seen this person, for a subject access request: finds every hub subject who is the person (across cases), then every access to them in the hub's access log " +
      "(agency fetches allowed and denied, reads of their cases, changes naming them) and what each agency's own disclosure log says it released about them, under which grant. " +
      'An agency that cannot be read is reported as unavailable; the rest still arrives. Governance only; the review is written to the access log with the subject ids it covered, never the identifiers given',
  })
  async whoHasSeen(
    @Arg('person', () => PersonIdentifiersInput, { description: 'Who the request is about: a subject id, or an NHS number, or family name and date of birth (optionally given name)' }) person: PersonIdentifiersInput,
    @Arg('limit', () => Int, { defaultValue: 1000, description: `Most hub accesses to list, newest first, 1 to ${MAX_ACCESSES}; 1000 unless given` }) limit: number,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WhoHasSeenReport> {
    const user = await requireReviewer(context, 'whoHasSeen');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCESSES) throw badArgument('limit', `must be 1 to ${MAX_ACCESSES}`);
    const query = checkPerson(person);
    const subjects = await findPerson(context.hub, query);
    const caseIds = [...new Set(subjects.map((subject) => subject.caseId))];
    // Logged before anything about them is read: the subject ids covered, never what was typed.
    const own = await auditRead(context, user, 'whoHasSeen', {
      subjectIds: subjects.map((subject) => subject.subjectId),
      reason: `subject access review by ${query.basis}: ${subjects.length} subject(s) in ${caseIds.length} case(s)`,
    }, info);
    const [{ rows, more }, logs] = await Promise.all([
      hubEntriesAbout(context.hub, subjects, own.seq, limit),
      caseIds.length > 0 ? readDisclosureLogs(context, user, caseIds) : Promise.resolve([]),
    ]);
    const { accesses, agencies, unissued } = await assemble(context.hub, subjects, rows, logs);
    return { reviewedAt: own.recordedAt.toISOString(), subjects, accesses, moreAccesses: more, agencies, unissuedDisclosures: unissued };
  }
}
