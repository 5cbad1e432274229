import { Field, Int, ObjectType } from 'type-graphql';
import type { ExclusionCategory, ExclusionReason } from '../entities/code-lists';
import { ExclusionCategoryEnum, ExclusionReasonEnum } from './enums';

@ObjectType()
export class EducationExclusion {
  @Field({ description: 'ISO date' })
  startDate: string;

  @Field(() => ExclusionCategoryEnum)
  category: ExclusionCategory;

  @Field(() => Int, { nullable: true, description: 'Sessions of a suspension; null for a permanent exclusion' })
  sessions: number | null;

  @Field(() => [ExclusionReasonEnum], { description: 'Most important first' })
  reasons: ExclusionReason[];
}
