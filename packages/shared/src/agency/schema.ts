import type { GraphQLResolveInfo, GraphQLSchema, SelectionSetNode } from 'graphql';
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { createDisclosureResolver, type DisclosureQueryContext } from '../disclosure.resolver';
import { agencyEnvelope, type AgencyViewShape } from '../envelope';
import { buildFederatedSchema } from '../federation';
import type { AgencyRequestContext } from '../grant-claims';
import { createSubjectType, SUBJECT_REQUIRED_FIELDS, SubjectReference } from '../subject';
import type { AgencyName } from '../synthetic/types';
import type { AgencyAdapter, CandidateRow } from './adapter';
import type { ViewLoader, ViewRequest } from './pipeline';
import { Sensitivity, SENSITIVITY_SDL } from './sensitivity';

/** What every agency resolver receives for one request. */
export interface AgencyContext<R extends object = object> extends AgencyRequestContext, DisclosureQueryContext {
  views: ViewLoader<R>;
  /** What this request asks of the views beyond the envelope (set by the resolver before the batch runs). */
  viewRequest: ViewRequest;
}

/** Whether a selection set asks for `field`, directly or through fragments. */
function selects(selectionSet: SelectionSetNode | undefined, field: string, info: GraphQLResolveInfo): boolean {
  if (!selectionSet) return false;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === 'Field') return selection.name.value === field;
    if (selection.kind === 'InlineFragment') return selects(selection.selectionSet, field, info);
    return selects(info.fragments[selection.name.value]?.selectionSet, field, info);
  });
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
    @Sensitivity('BASIC_IDENTITY')
    // Nullable: a denied or failed fetch must null this field alone, not the whole Subject.
    @FieldResolver(() => AgencyView, { name: agencyFieldName(adapter.agency), nullable: true, description: adapter.fieldDescription })
    view(@Root() subject: SubjectReference, @Ctx() context: AgencyContext<R>, @Info() info: GraphQLResolveInfo): Promise<AgencyViewShape<R>> {
      // Every subject's resolver runs before the batch is dispatched, so the batch sees this.
      if (info.fieldNodes.some((node) => selects(node.selectionSet, 'associates', info))) context.viewRequest.associates = true;
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
    {},
    SENSITIVITY_SDL,
  );
}
