import { Field, Float, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Pathway } from '../hub/entities/enums';

/** How the report groups cases: by current rating, with information requests and unrated cases apart. */
export enum ReportGroup {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  INFORMATION_REQUEST = 'INFORMATION_REQUEST',
  UNRATED = 'UNRATED',
}
registerEnumType(ReportGroup, {
  name: 'ReportGroup',
  description: "How the hub's report groups cases: referrals by their current rating, information requests apart, and referrals not yet rated",
  valuesConfig: {
    RED: { description: 'Referrals rated RED now (immediate risk; decision due within 2 hours by default)' },
    AMBER: { description: 'Referrals rated AMBER now (possible significant harm; decision due within 24 hours by default)' },
    GREEN: { description: 'Referrals rated GREEN now: information, advice and signposting' },
    INFORMATION_REQUEST: { description: 'Requests for information (Family Court, CAFCASS, probation, another local authority), whatever their rating' },
    UNRATED: { description: 'Referrals with no rating yet' },
  },
});

@ObjectType({ description: 'Referrals received in the period on one pathway, of one kind' })
export class ReferralCount {
  @Field(() => Pathway, { description: "Children's or adults' pathway" })
  pathway: Pathway;

  @Field({ description: 'REFERRAL (a safeguarding referral) or INFORMATION_REQUEST (a request for information)' })
  kind: string;

  @Field(() => Int, { description: 'How many were received in the period' })
  count: number;
}

@ObjectType({ description: 'How many referrals the hub received in the period, by pathway and kind' })
export class ReferralVolume {
  @Field(() => Int, { description: 'All cases received in the period' })
  total: number;

  @Field(() => [ReferralCount], { description: 'One row per pathway and kind that had any' })
  rows: ReferralCount[];

  @Field({ description: 'How these figures were counted' })
  method: string;
}

@ObjectType({ description: 'One group of the rating split: how many, and their share of all received' })
export class GroupShare {
  @Field(() => ReportGroup, { description: 'The group' })
  group: ReportGroup;

  @Field(() => Int, { description: 'Cases received in the period in this group' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'Their share of all cases received in the period, 0 to 1; null when none were received' })
  share: number | null;
}

@ObjectType({ description: 'The rating split of the cases received in the period' })
export class RagSplit {
  @Field(() => Int, { description: 'All cases received in the period' })
  total: number;

  @Field(() => [GroupShare], { description: 'RED, AMBER, GREEN (advice and signposting), information requests and unrated, in that order' })
  rows: GroupShare[];

  @Field(() => Float, { nullable: true, description: 'Share rated RED or AMBER (the threshold at which agencies share), 0 to 1; null when none were received' })
  redOrAmberShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Share GREEN: advice and signposting plus information requests, 0 to 1; null when none were received' })
  greenShare: number | null;

  @Field({ description: 'How these figures were counted' })
  method: string;
}

@ObjectType({ description: 'How quickly one group of cases was rated and decided' })
export class TimelinessRow {
  @Field(() => ReportGroup, { description: 'The group' })
  group: ReportGroup;

  @Field(() => Int, { description: 'Cases in this group received in the period' })
  received: number;

  @Field(() => Int, { description: 'Of those, how many were rated by the end of the period' })
  rated: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from receipt to the first rating; null when none was rated' })
  medianHoursToRating: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of hours from receipt to the first rating; null when none was rated' })
  p90HoursToRating: number | null;

  @Field(() => Int, { description: 'Of those received, how many were decided by the end of the period' })
  decided: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from receipt to the decision; null when none was decided' })
  medianHoursToDecision: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of hours from receipt to the decision; null when none was decided' })
  p90HoursToDecision: number | null;

  @Field(() => Int, { description: 'Of those decided, how many by their due time' })
  decidedWithinTimescale: number;

  @Field(() => Float, { nullable: true, description: 'decidedWithinTimescale / decided, 0 to 1; null when none was decided' })
  withinTimescaleShare: number | null;
}

@ObjectType({ description: 'Time from receipt to rating and to decision, per group' })
export class Timeliness {
  @Field(() => [TimelinessRow], { description: 'One row per group, RED first' })
  rows: TimelinessRow[];

  @Field({ description: 'How these figures were measured' })
  method: string;
}

@ObjectType({ description: 'The cases of one group still open at the end of the period' })
export class BacklogRow {
  @Field(() => ReportGroup, { description: 'The group' })
  group: ReportGroup;

  @Field(() => Int, { description: 'Received before the end of the period and not closed by then' })
  open: number;

  @Field(() => Int, { description: 'Of those open, how many had no decision yet' })
  awaitingDecision: number;

  @Field(() => Int, { description: 'Of those awaiting a decision, how many were past their due time' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: 'Days since the oldest open case was received; null when none is open' })
  oldestDays: number | null;
}

@ObjectType({ description: 'The backlog: cases still open at the end of the period' })
export class Backlog {
  @Field(() => GraphQLISODateTime, { description: 'The moment the backlog is counted at (the end of the period)' })
  asAt: Date;

  @Field(() => Int, { description: 'All open cases' })
  total: number;

  @Field(() => [BacklogRow], { description: 'One row per group, RED first' })
  rows: BacklogRow[];

  @Field({ description: 'How these figures were counted' })
  method: string;
}

@ObjectType({ description: 'Whether the referrers of the cases closed in the period were told the outcome' })
export class FeedbackRate {
  @Field(() => Int, { description: 'Cases closed in the period' })
  closed: number;

  @Field(() => Int, { description: 'Of those, how many had feedback sent to the referrer' })
  feedbackSent: number;

  @Field(() => Int, { description: 'Of those, how many had no feedback for a recorded reason (anonymous referrer, risk to the child or adult, referrer unreachable)' })
  feedbackWithheld: number;

  @Field(() => Int, { description: 'Of those, how many had neither (cases closed before feedback was required)' })
  noFeedback: number;

  @Field(() => Float, { nullable: true, description: '(feedbackSent + feedbackWithheld) / closed, 0 to 1; null when none was closed' })
  rate: number | null;

  @Field({ description: 'How these figures were counted' })
  method: string;
}

@ObjectType({ description: 'The domestic-abuse screening queue: standard and medium risk notifications waiting to be screened' })
export class ScreeningQueueFigures {
  @Field({ description: 'False when this hub has no screening queue (the figures below are then null)' })
  available: boolean;

  @Field(() => Int, { nullable: true, description: 'Notifications waiting to be screened at the end of the period' })
  waiting: number | null;

  @Field(() => Float, { nullable: true, description: 'Median age in days of those waiting; null when none waits' })
  medianAgeDays: number | null;

  @Field(() => Float, { nullable: true, description: 'Age in days of the oldest waiting; null when none waits' })
  oldestAgeDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those waiting, how many for more than 28 days' })
  olderThan28Days: number | null;

  @Field(() => Int, { nullable: true, description: 'Notifications screened in the period' })
  screenedInPeriod: number | null;

  @Field({ description: 'How these figures were counted, or why they are not available' })
  method: string;
}

@ObjectType({ description: 'Onward notifications (schools under Operation Encompass, GPs): how many were sent, and how many late' })
export class NotificationFigures {
  @Field({ description: 'False when this hub has no notification outbox (the figures below are then null)' })
  available: boolean;

  @Field(() => Int, { nullable: true, description: 'Notifications delivered in the period' })
  sent: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those delivered, how many after the time they were due' })
  late: number | null;

  @Field(() => Int, { nullable: true, description: 'Notifications not delivered at the end of the period whose due time had passed' })
  undeliveredOverdue: number | null;

  @Field({ description: 'How these figures were counted, or why they are not available' })
  method: string;
}

@ObjectType({ description: 'Children one kind of triangulation finding was first recorded for in the period' })
export class FindingCount {
  @Field({ description: 'The finding: CHILD_MISSING_EDUCATION, CHILD_NOT_KNOWN_TO_HEALTH or CHILD_HOME_EDUCATED' })
  code: string;

  @Field({ description: 'The finding in plain words' })
  label: string;

  @Field(() => Int, { description: 'How many children (subjects of cases) it was first found for in the period' })
  children: number;
}

@ObjectType({ description: 'Children no single agency sees, found by putting the agencies side by side (the case picture)' })
export class Triangulation {
  @Field(() => Int, { description: 'Cases whose picture triage first viewed in the period' })
  picturesViewed: number;

  @Field(() => [FindingCount], { description: 'One row per finding counted' })
  rows: FindingCount[];

  @Field({ description: 'How these figures were counted, and what they leave out' })
  method: string;
}

@ObjectType({ description: 'One group in one week: received, decided in time, and still open at the week\'s end' })
export class WeekGroupFigures {
  @Field(() => ReportGroup, { description: 'The group' })
  group: ReportGroup;

  @Field(() => Int, { description: 'Received in the week' })
  received: number;

  @Field(() => Int, { description: 'Of those received in the week, decided by the end of the period' })
  decided: number;

  @Field(() => Int, { description: 'Of those decided, decided by their due time' })
  decidedWithinTimescale: number;

  @Field(() => Float, { nullable: true, description: 'decidedWithinTimescale / decided, 0 to 1; null when none was decided' })
  withinTimescaleShare: number | null;

  @Field(() => Int, { description: 'Cases of this group open at the end of the week (the backlog then)' })
  openAtEnd: number;
}

@ObjectType({ description: 'One week of the period (7 days from the first day of the period; the last may be shorter)' })
export class ReportWeek {
  @Field({ description: 'The first day of the week, YYYY-MM-DD (Europe/London)' })
  from: string;

  @Field(() => GraphQLISODateTime, { description: 'The end of the week (or of the period, if sooner)' })
  end: Date;

  @Field(() => [WeekGroupFigures], { description: 'One entry per group, RED first' })
  groups: WeekGroupFigures[];
}

@ObjectType({ description: "The hub's report for managers and the board: volumes, ratings, timeliness, backlog, feedback, screening, notifications and triangulation, each with its method" })
export class HubReport {
  @Field({ description: 'First day of the period, YYYY-MM-DD' })
  from: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD (included)' })
  to: string;

  @Field({ description: 'The time zone whose days the period is made of (Europe/London)' })
  timeZone: string;

  @Field(() => GraphQLISODateTime, { description: 'The start of the period: midnight at the start of from' })
  periodStart: Date;

  @Field(() => GraphQLISODateTime, { description: 'The end of the period: midnight at the end of to, or the time of the report if that is sooner' })
  periodEnd: Date;

  @Field(() => GraphQLISODateTime, { description: 'When the report was made' })
  generatedAt: Date;

  @Field(() => ReferralVolume, { description: 'Referrals received, by pathway and kind' })
  referrals: ReferralVolume;

  @Field(() => RagSplit, { description: 'The rating split of what was received' })
  ragSplit: RagSplit;

  @Field(() => Timeliness, { description: 'Time to rating and to decision, and the share decided within timescale' })
  timeliness: Timeliness;

  @Field(() => Backlog, { description: 'Cases open at the end of the period' })
  backlog: Backlog;

  @Field(() => FeedbackRate, { description: 'Feedback to referrers on the cases closed in the period' })
  feedback: FeedbackRate;

  @Field(() => ScreeningQueueFigures, { description: 'The domestic-abuse screening queue' })
  screening: ScreeningQueueFigures;

  @Field(() => NotificationFigures, { description: 'Onward notifications to schools and GPs' })
  notifications: NotificationFigures;

  @Field(() => Triangulation, { description: 'Triangulation findings: children missing education, not known to health, home-educated' })
  triangulation: Triangulation;

  @Field(() => [ReportWeek], { description: 'Week by week, for the charts: received, decided within timescale, backlog at the week\'s end' })
  weeks: ReportWeek[];

  @Field({ description: 'How the weekly figures were counted' })
  weeksMethod: string;
}
