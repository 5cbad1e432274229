import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** How userActivity orders its users: by one measure of volume, largest first. */
export enum ActivityOrder {
  ACCESSES = 'ACCESSES',
  AGENCY_FETCHES = 'AGENCY_FETCHES',
  DENIED_FETCHES = 'DENIED_FETCHES',
  OUTSIDE_WORKING_HOURS = 'OUTSIDE_WORKING_HOURS',
  CASES = 'CASES',
  SUBJECTS = 'SUBJECTS',
}
registerEnumType(ActivityOrder, {
  name: 'ActivityOrder',
  description: 'Which measure of volume orders the users, largest first (ties by user id)',
  valuesConfig: {
    ACCESSES: { description: 'All accesses: agency fetches (allowed and denied) and reads of the hub\'s case record' },
    AGENCY_FETCHES: { description: 'Agency fetches, allowed and denied' },
    DENIED_FETCHES: { description: 'Agency fetches the ISA policy denied' },
    OUTSIDE_WORKING_HOURS: { description: "Accesses outside the hub's working calendar" },
    CASES: { description: 'Distinct cases accessed' },
    SUBJECTS: { description: 'Distinct subjects (people) accessed' },
  },
});

export const MAX_USERS = 1000;
/** The longest period one summary covers. */
export const MAX_ACTIVITY_DAYS = 731;

@ArgsType()
export class UserActivityArgs {
  @Field({ description: 'Start of the period, included: a date (2026-06-01: midnight at its start in the working calendar\'s time zone) or an ISO 8601 timestamp with an offset' })
  from: string;

  @Field({ description: `End of the period, not included, written like from (to=2026-07-01 with from=2026-06-01 covers June); later than from and at most ${MAX_ACTIVITY_DAYS} days after it` })
  to: string;

  @Field(() => String, { nullable: true, description: 'Only this user (their user id); every user who accessed anything in the period when left out' })
  userId: string | null = null;

  @Field(() => ActivityOrder, { defaultValue: ActivityOrder.ACCESSES, description: 'Which measure orders the users, largest first; ACCESSES unless given' })
  orderBy: ActivityOrder = ActivityOrder.ACCESSES;

  @Field(() => Int, { defaultValue: 100, description: `Most users to return, 1 to ${MAX_USERS}; 100 unless given` })
  limit: number = 100;
}

@ObjectType({ description: "One user's fetches from one agency in the period" })
export class AgencyActivity {
  @Field({ description: 'The agency: police, social-care, health or education' })
  agency: string;

  @Field(() => Int, { description: 'Fetches the ISA policy allowed' })
  allowed: number;

  @Field(() => Int, { description: 'Fetches the ISA policy denied' })
  denied: number;
}

@ObjectType({ description: 'How many of a user\'s agency fetches one rule denied' })
export class RuleDenials {
  @Field({ description: 'The rule that denied, e.g. green-no-agency-data' })
  rule: string;

  @Field(() => Int, { description: 'Fetches it denied' })
  count: number;
}

@ObjectType({ description: "The local day (working calendar's time zone) with the most of a user's accesses in the period" })
export class BusiestDay {
  @Field({ description: 'The day, YYYY-MM-DD; the earliest such day when several tie' })
  date: string;

  @Field(() => Int, { description: 'Accesses on that day' })
  accesses: number;
}

@ObjectType({
  description:
    "One user's access to personal data in the period: agency fetches (each a decision on one agency's data for the people of one case) and reads of the hub's case record, " +
    'as the access log records them',
})
export class UserActivity {
  @Field({ description: 'The user id' })
  userId: string;

  @Field(() => [String], { description: 'The hub roles their tokens carried in the period' })
  roles: string[];

  @Field(() => [String], { description: 'The organisations their tokens named in the period' })
  organisations: string[];

  @Field(() => Int, { description: 'All accesses: agency fetches (allowed and denied) plus case reads' })
  accesses: number;

  @Field(() => Int, { description: 'Agency fetches the ISA policy allowed' })
  agencyFetchesAllowed: number;

  @Field(() => Int, { description: 'Agency fetches the ISA policy denied' })
  agencyFetchesDenied: number;

  @Field(() => Int, { description: "Reads of the hub's own record of a case (one per request per case)" })
  caseReads: number;

  @Field(() => Int, { description: 'Distinct cases among their accesses' })
  cases: number;

  @Field(() => Int, { description: 'Distinct subjects (people) named in their accesses' })
  subjects: number;

  @Field(() => [AgencyActivity], { description: 'Agency fetches per agency, in agency order' })
  byAgency: AgencyActivity[];

  @Field(() => [RuleDenials], { description: 'Denied agency fetches per rule, most first' })
  denialsByRule: RuleDenials[];

  @Field({ description: 'Their first access in the period, ISO timestamp' })
  firstAccess: string;

  @Field({ description: 'Their last access in the period, ISO timestamp' })
  lastAccess: string;

  @Field(() => Int, { description: "Accesses outside the working calendar: on a day the hub does not work (weekend, bank holiday, closed day) or before the day starts or from when it ends" })
  outsideWorkingHours: number;

  @Field(() => BusiestDay, { description: 'The day with most of their accesses' })
  busiestDay: BusiestDay;
}

@ObjectType({ description: 'Per-user activity summaries for a period, for governance review' })
export class UserActivityReport {
  @Field({ description: 'Start of the period, ISO timestamp (included)' })
  from: string;

  @Field({ description: 'End of the period, ISO timestamp (not included)' })
  to: string;

  @Field({ description: 'The working calendar outsideWorkingHours and busiestDay were counted against, in words' })
  workingCalendar: string;

  @Field(() => String, { nullable: true, description: 'The ISA policy version the calendar is taken from; null when no valid version is active (the default calendar was used)' })
  policyVersion: string | null;

  @Field(() => ActivityOrder, { description: 'The order of users' })
  orderBy: ActivityOrder;

  @Field(() => [UserActivity], { description: 'One summary per user who accessed anything in the period, largest first' })
  users: UserActivity[];

  @Field({ description: 'True when more users accessed something than limit allowed to list' })
  moreUsers: boolean;
}
