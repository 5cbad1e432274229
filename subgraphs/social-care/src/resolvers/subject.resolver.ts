import { SUBJECT_REQUIRED_FIELDS, type SubjectReference } from '@mash/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Subject } from '../types/subject.type';
import type { Context } from '../context';
import { SocialCareView, type SocialCareViewShape } from '../types/social-care-view.type';

@Resolver(() => Subject)
export class SubjectResolver {
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  // Nullable so a refused or failed fetch nulls only this field, not the hub's subject.
  @FieldResolver(() => SocialCareView, {
    nullable: true,
    description: "What the local authority's children's and adults' social care holds on the subject",
  })
  socialCare(@Root() subject: SubjectReference, @Ctx() context: Context): Promise<SocialCareViewShape> {
    return context.views.load(subject);
  }
}
