import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver, type ClassType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DisclosureLog } from './disclosure.entity';
import type { AgencyName } from './synthetic/types';

@Directive('@shareable')
@ObjectType({ description: "One entry of an agency's disclosure log: what left the agency, for which case, to whom" })
export class DisclosureEntry {
  @Field(() => ID, { description: 'Unique id of the log entry (a UUID)' })
  id: string;

  @Field({ description: 'ISO timestamp' })
  disclosedAt: string;

  @Field(() => String, { nullable: true, description: 'Id of the gateway grant the agency answered under, to trace the entry to the hub access log; null when no grant was presented (tests only)' })
  grantId: string | null;

  @Field(() => String, { nullable: true, description: "The hub's case id the data was released for; null when no grant was presented" })
  caseId: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the hub user the data was released to (an id, never a name); null when no grant was presented' })
  userId: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose stated in the grant, e.g. MASH_TRIAGE; null when no grant was presented' })
  purpose: string | null;

  @Field({ description: "The hub's id of the subject the agency answered about" })
  subjectId: string;

  @Field({ description: 'What the agency answered for the subject: MATCHED, AMBIGUOUS or NOT_KNOWN' })
  matchStatus: string;

  @Field(() => [String], { description: "The agency's own ids of the records disclosed: the match or the candidates, plus, for a match whose associates were asked for, the associates' records; empty for NOT_KNOWN" })
  recordIds: string[];

  @Field(() => [String], { description: 'The obligations of the grant that governed the answer, e.g. OMIT_STANDARD_RISK_DOMESTIC_ABUSE; empty when none' })
  obligations: string[];
}

export interface DisclosureQueryContext {
  dataSource: DataSource;
}

/** The agency's disclosure-log query: `police` -> `policeDisclosures`, `social-care` -> `socialCareDisclosures`. */
export function disclosureQueryName(agency: AgencyName): string {
  return `${agency.replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase())}Disclosures`;
}

/** A resolver class exposing the agency's disclosure log as `<agency>Disclosures(caseId, limit)`. */
export function createDisclosureResolver(agency: AgencyName): ClassType {
  const queryName = disclosureQueryName(agency);
  @Resolver()
  class DisclosureLogResolver {
    @Query(() => [DisclosureEntry], { name: queryName, description: "This agency's disclosure log, newest first" })
    async disclosures(
      @Arg('caseId', () => String, { nullable: true, description: "Only entries for this hub case id; null or omitted for every case" }) caseId: string | null,
      @Arg('limit', () => Int, { defaultValue: 50, description: 'Most entries to return, newest first: 50 unless given, at least 1 and at most 500' }) limit: number,
      @Ctx() context: DisclosureQueryContext,
    ): Promise<DisclosureEntry[]> {
      const rows = await context.dataSource.getRepository(DisclosureLog).find({
        where: caseId ? { caseId } : {},
        order: { disclosedAt: 'DESC' },
        take: Math.min(Math.max(limit, 1), 500),
      });
      return rows.map((row) => ({ ...row, disclosedAt: row.disclosedAt.toISOString() }));
    }
  }
  return DisclosureLogResolver;
}
