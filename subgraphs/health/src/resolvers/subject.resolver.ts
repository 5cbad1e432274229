import { SUBJECT_REQUIRED_FIELDS, type SubjectReference } from '@mash/shared';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../server';
import { HealthView } from '../types/health-view.type';
import { Subject } from '../types/subject.type';

@Resolver(() => Subject)
export class SubjectHealthResolver {
  @Directive(`@requires(fields: "${SUBJECT_REQUIRED_FIELDS}")`)
  @FieldResolver(() => HealthView, {
    nullable: true,
    description: 'What health holds on the subject: PDS registration, CP-IS, unscheduled care, engagement, MH and substance misuse',
  })
  health(@Root() subject: SubjectReference, @Ctx() context: HealthContext): Promise<HealthView> {
    return context.views.load(subject);
  }
}
