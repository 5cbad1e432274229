import { SUBJECT_REQUIRED_FIELDS, SubjectReference } from '@mash/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { SocialCareView, type SocialCareViewShape } from '../types/social-care-view.type';

@Resolver(() => SubjectReference)
export class SubjectResolver {
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  @FieldResolver(() => SocialCareView, {
    description: "What the local authority's children's and adults' social care holds on the subject",
  })
  socialCare(@Root() subject: SubjectReference, @Ctx() context: Context): Promise<SocialCareViewShape> {
    return context.views.load(subject);
  }
}
