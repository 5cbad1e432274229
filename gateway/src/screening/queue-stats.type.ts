import { Field, Float, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType('DomesticAbuseQueueStats', { description: 'How many police domestic abuse notifications wait to be screened, and for how long' })
export class DomesticAbuseQueueStats {
  @Field(() => GraphQLISODateTime, { description: 'When these figures were taken' })
  asOf: Date;

  @Field(() => Int, { description: 'Notifications waiting to be screened' })
  waiting: number;

  @Field(() => Int, { description: 'Of those, STANDARD risk' })
  waitingStandard: number;

  @Field(() => Int, { description: 'Of those, MEDIUM risk' })
  waitingMedium: number;

  @Field(() => Int, { description: 'Of those, with children present (their schools are told once screened)' })
  waitingWithChildren: number;

  @Field(() => Float, { nullable: true, description: 'Hours the oldest has waited since it was received; null when none waits' })
  oldestHours: number | null;

  @Field(() => Float, { nullable: true, description: 'Median hours waited so far; null when none waits' })
  medianHours: number | null;

  @Field(() => Int, { description: 'Waiting more than 7 days' })
  over7Days: number;

  @Field(() => Int, { description: 'Waiting more than 28 days (four weeks)' })
  over28Days: number;

  @Field(() => Int, { description: 'Screened in the last 7 days' })
  screenedLast7Days: number;
}
