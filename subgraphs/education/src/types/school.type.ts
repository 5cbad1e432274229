import { Field, ObjectType } from 'type-graphql';
import type { SchoolPhase } from '../entities/code-lists';
import { SchoolPhaseEnum } from './enums';

@ObjectType({ description: "The school's Designated Safeguarding Lead as a role and line, never a named teacher (KCSIE)" })
export class EducationDslContact {
  @Field({ description: 'The role title, e.g. "Designated Safeguarding Lead" or "Deputy Headteacher (Designated Safeguarding Lead)"' })
  role: string;

  @Field({ description: 'The phone number to reach the DSL on, as the school gives it' })
  phone: string;
}

@ObjectType({ description: 'A school (an establishment in Get Information About Schools, GIAS)' })
export class EducationSchool {
  @Field({ description: 'GIAS Unique Reference Number, 6 digits' })
  urn: string;

  @Field({ description: "The school's name" })
  name: string;

  @Field(() => SchoolPhaseEnum, { description: 'The phase of education the school provides' })
  phase: SchoolPhase;

  @Field(() => EducationDslContact, { description: "Who to contact about safeguarding at the school: the Designated Safeguarding Lead's role and phone" })
  dslContact: EducationDslContact;
}
