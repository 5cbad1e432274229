import type { GraphQLSchema } from 'graphql';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { createDisclosureResolver, type DisclosureQueryContext } from '../disclosure.resolver';
import { agencyEnvelope, type AgencyViewShape } from '../envelope';
import { buildFederatedSchema } from '../federation';
import type { AgencyRequestContext } from '../grant-claims';
import { createSubjectType, SUBJECT_REQUIRED_FIELDS, SubjectReference } from '../subject';
import type { AgencyName } from '../synthetic/types';
import type { AgencyAdapter, CandidateRow } from './adapter';
import type { ViewLoader } from './pipeline';

/** What every agency resolver receives for one request. */
export interface AgencyContext<R extends object = object> extends AgencyRequestContext, DisclosureQueryContext {
  views: ViewLoader<R>;
}

/** The agency's field on `Subject`: `police`, `socialCare`, `health`, `education`. */
export function agencyFieldName(agency: AgencyName): string {
  return agency.replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase());
}

/** Type-name prefix of the agency's GraphQL types: `Police`, `SocialCare`, ... */
export function agencyTypePrefix(agency: AgencyName): string {
  const field = agencyFieldName(agency);
  return field[0].toUpperCase() + field.slice(1);
}

/**
 * The agency's federated subgraph schema: its `Subject` stub (key plus the demographics it
 * `@requires`), its one field on `Subject` with the shared envelope around the agency's record
 * type, and its disclosure-log query.
 */
export function buildAgencySchema<C extends CandidateRow, F, R extends object>(adapter: AgencyAdapter<C, F, R>): Promise<GraphQLSchema> {
  const Subject = createSubjectType();
  const { AgencyView } = agencyEnvelope(agencyTypePrefix(adapter.agency), adapter.recordType);

  @Resolver(() => Subject)
  class SubjectAgencyResolver {
    // UK GDPR Art 6(1)(e), Art 9(2)(g), DPA 2018 Sch 1 para 18 (police: Part 3, Sch 8 para 4):
    // shared to safeguard children and individuals at risk, under the gateway's grant.
    @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
    // Nullable: a denied or failed fetch must null this field alone, not the whole Subject.
    @FieldResolver(() => AgencyView, { name: agencyFieldName(adapter.agency), nullable: true, description: adapter.fieldDescription })
    view(@Root() subject: SubjectReference, @Ctx() context: AgencyContext<R>): Promise<AgencyViewShape<R>> {
      return context.views.load(subject);
    }
  }

  return buildFederatedSchema(
    { resolvers: [SubjectAgencyResolver, createDisclosureResolver(adapter.agency)], orphanedTypes: [Subject], validate: false },
    {
      Subject: {
        // The hub owns Subject; an agency only receives its key and the fields it requires.
        __resolveReference: (representation: Partial<SubjectReference>) => Object.assign(new SubjectReference(), representation),
      },
    },
  );
}
