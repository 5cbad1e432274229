import { Sensitivity } from '@mash/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import type { ExclusionCategory, ExclusionReason } from '../entities/code-lists';
import { ExclusionCategoryEnum, ExclusionReasonEnum } from './enums';

@ObjectType({ description: 'A suspension or permanent exclusion from school (DfE school census exclusions)' })
export class EducationExclusion {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'ISO date (YYYY-MM-DD) the exclusion began' })
  startDate: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => ExclusionCategoryEnum, { description: 'Permanent exclusion or suspension' })
  category: ExclusionCategory;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => Int, { nullable: true, description: 'Length of a suspension in school sessions (a session is a morning or an afternoon); null for a permanent exclusion' })
  sessions: number | null;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => [ExclusionReasonEnum], { description: 'One to three census reason codes, most important first' })
  reasons: ExclusionReason[];
}
