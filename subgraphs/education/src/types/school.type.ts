import { Sensitivity } from '@mash/shared';
import { Field, ObjectType } from 'type-graphql';
import type { SchoolPhase } from '../entities/code-lists';
import { SchoolPhaseEnum } from './enums';

@ObjectType({ description: "The school's Designated Safeguarding Lead as a role and line, never a named teacher (KCSIE)" })
export class EducationDslContact {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The role title, e.g. "Designated Safeguarding Lead" or "Deputy Headteacher (Designated Safeguarding Lead)"' })
  role: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'The phone number to reach the DSL on, as the school gives it' })
  phone: string;
}

@ObjectType({ description: 'A school (an establishment in Get Information About Schools, GIAS)' })
export class EducationSchool {
  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: 'GIAS Unique Reference Number, 6 digits' })
  urn: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field({ description: "The school's name" })
  name: string;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => SchoolPhaseEnum, { description: 'The phase of education the school provides' })
  phase: SchoolPhase;

  @Sensitivity('SAFEGUARDING_STATUS')
  @Field(() => EducationDslContact, { description: "Who to contact about safeguarding at the school: the Designated Safeguarding Lead's role and phone" })
  dslContact: EducationDslContact;
}
