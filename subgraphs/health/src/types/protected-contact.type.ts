import { Sensitivity } from '@mash/shared';
import { Field, ObjectType } from 'type-graphql';

/**
 * The contact details PDS holds for a restricted ("sensitive") patient: RESTRICTED (DOMAIN.md 6.2,
 * e.g. someone who has fled abuse). Health resolves them; the gateway never releases them
 * automatically, so they reach a MASH only through the health single point of contact.
 */
@ObjectType({ description: 'Where a restricted (PDS sensitive) patient lives and is registered. Restricted: never released automatically; ask the health single point of contact' })
export class HealthProtectedContact {
  @Sensitivity('RESTRICTED')
  @Field(() => String, { nullable: true, description: 'Home address as held on PDS, as one line without the postcode; null when not known' })
  addressLine: string | null;

  @Sensitivity('RESTRICTED')
  @Field(() => String, { nullable: true, description: 'Home postcode as held on PDS; null when not known' })
  postcode: string | null;

  @Sensitivity('RESTRICTED')
  @Field(() => String, { nullable: true, description: 'Unique Property Reference Number of the home address; null when not known' })
  uprn: string | null;

  @Sensitivity('RESTRICTED')
  @Field(() => String, { nullable: true, description: 'ODS code of the GP practice the patient is registered with now; null when not registered' })
  practiceOdsCode: string | null;

  @Sensitivity('RESTRICTED')
  @Field(() => String, { nullable: true, description: 'Name of that GP practice; null when not registered' })
  practiceName: string | null;
}
