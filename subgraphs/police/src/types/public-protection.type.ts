import { Sensitivity } from '@mash/shared';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Public protection detail from offender management (DOMAIN.md 1.1 OffenderManagement). RESTRICTED
 * (DOMAIN.md 6.2: MAPPA and ViSOR status): police resolve it, and the gateway never releases it
 * automatically; the flags SEX_OFFENDER_REGISTERED and MAPPA_NOMINAL say yes and who to contact.
 */
@ObjectType({ description: 'How the person is managed under public protection arrangements (MAPPA, ViSOR, sex offender notification). Restricted: never released automatically; ask the police public protection unit' })
export class PolicePublicProtection {
  @Sensitivity('RESTRICTED')
  @Field(() => Int, { nullable: true, description: 'MAPPA category: 1 registered sexual offender, 2 violent offender, 3 other dangerous offender; null when not managed under MAPPA' })
  mappaCategory: number | null;

  @Sensitivity('RESTRICTED')
  @Field(() => Int, { nullable: true, description: 'MAPPA management level 1 to 3 (3 the most intensive); null when not managed under MAPPA' })
  mappaLevel: number | null;

  @Sensitivity('RESTRICTED')
  @Field({ description: 'Subject to sex offender notification requirements (Sexual Offences Act 2003 Part 2)' })
  registeredSexOffender: boolean;

  @Sensitivity('RESTRICTED')
  @Field({ description: 'Subject to a Sexual Harm Prevention Order' })
  sexualHarmPreventionOrder: boolean;

  @Sensitivity('RESTRICTED')
  @Field({ description: 'Recorded on ViSOR (the Violent and Sex Offender Register)' })
  visor: boolean;
}
