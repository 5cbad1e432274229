import { Field, ObjectType } from 'type-graphql';
import type { SchoolPhase } from '../entities/code-lists';
import { SchoolPhaseEnum } from './enums';

@ObjectType({ description: "The school's Designated Safeguarding Lead as a role and line, never a named teacher (KCSIE)" })
export class EducationDslContact {
  @Field()
  role: string;

  @Field()
  phone: string;
}

@ObjectType()
export class EducationSchool {
  @Field({ description: 'GIAS Unique Reference Number' })
  urn: string;

  @Field()
  name: string;

  @Field(() => SchoolPhaseEnum)
  phase: SchoolPhase;

  @Field(() => EducationDslContact)
  dslContact: EducationDslContact;
}
