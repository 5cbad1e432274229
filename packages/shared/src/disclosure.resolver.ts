import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver, type ClassType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { DisclosureLog } from './disclosure.entity';
import type { AgencyName } from './synthetic/types';

@Directive('@shareable')
@ObjectType({ description: "One entry of an agency's disclosure log: what left the agency, for which case, to whom" })
export class DisclosureEntry {
  @Field(() => ID)
  id: string;

  @Field({ description: 'ISO timestamp' })
  disclosedAt: string;

  @Field(() => String, { nullable: true })
  grantId: string | null;

  @Field(() => String, { nullable: true })
  caseId: string | null;

  @Field(() => String, { nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field()
  subjectId: string;

  @Field()
  matchStatus: string;

  @Field(() => [String])
  recordIds: string[];

  @Field(() => [String])
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
      @Arg('caseId', () => String, { nullable: true }) caseId: string | null,
      @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
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
