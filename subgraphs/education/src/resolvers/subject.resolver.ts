import { SUBJECT_REQUIRED_FIELDS, type SubjectReference } from '@mash/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Subject } from '../types/subject.type';
import type { EducationContext } from '../context';
import { EducationView } from '../types/education-view.type';

@Resolver(() => Subject)
export class SubjectEducationResolver {
  // Nullable so a refused or failed fetch nulls only this field, never the hub's subject or the
  // other agencies' answers (ARCHITECTURE.md: the rest of the view still arrives).
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  @FieldResolver(() => EducationView, {
    nullable: true,
    description: 'What education (schools and the local authority) holds on the subject, matched on the fields required',
  })
  education(@Root() subject: SubjectReference, @Ctx() context: EducationContext): Promise<EducationView> {
    return context.views.load(subject);
  }
}
