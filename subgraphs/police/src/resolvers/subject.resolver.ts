import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { SUBJECT_REQUIRED_FIELDS, type SubjectReference } from '@mash/shared';
import { Subject } from '../types/subject.type';
import type { PoliceContext } from '../context';
import { PoliceView } from '../types/police-view.type';

@Resolver(() => Subject)
export class SubjectPoliceResolver {
  // DPA 2018 Part 3, Sch 8 para 4: sensitive processing to safeguard children and individuals at risk.
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  // Nullable: a failed or denied fetch must null this field alone, not the whole Subject.
  @FieldResolver(() => PoliceView, { nullable: true, description: 'What police hold on the subject, summarised for triage' })
  police(@Root() subject: SubjectReference, @Ctx() context: PoliceContext): Promise<PoliceView> {
    return context.views.load(subject);
  }
}
