import { SUBJECT_REQUIRED_FIELDS, SubjectReference } from '@mash/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context';
import { EducationView } from '../types/education-view.type';

@Resolver(() => SubjectReference)
export class SubjectEducationResolver {
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  @FieldResolver(() => EducationView, {
    description: 'What education (schools and the local authority) holds on the subject, matched on the fields required',
  })
  education(@Root() subject: SubjectReference, @Ctx() context: EducationContext): Promise<EducationView> {
    return context.views.load(subject);
  }
}
