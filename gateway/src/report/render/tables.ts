import { ReportGroup, type HubReport } from '../report.type';

/** One table of the report as people read it: a title, columns, formatted rows, and its method. */
export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  /** How many of the first columns name the row rather than hold a figure (0, 1 or 2). */
  labelColumns: number;
  rows: string[][];
  method: string;
}

export const GROUP_LABELS: Record<ReportGroup, string> = {
  RED: 'RED',
  AMBER: 'AMBER',
  GREEN: 'GREEN (advice and signposting)',
  INFORMATION_REQUEST: 'Information requests',
  UNRATED: 'Not yet rated',
};

export const percent = (share: number | null): string => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);
export const number = (value: number | null, places = 1): string => (value === null ? '-' : value.toFixed(places));
const count = (value: number | null): string => (value === null ? '-' : String(value));
const PATHWAY: Record<string, string> = { CHILDREN: "Children's", ADULTS: "Adults'" };
const KIND: Record<string, string> = { REFERRAL: 'Referral', INFORMATION_REQUEST: 'Information request' };

/** The report's tables, in the order every format prints them. */
export function reportTables(report: HubReport): ReportTable[] {
  const { referrals, ragSplit, timeliness, backlog, feedback, screening, notifications, triangulation } = report;
  return [
    {
      id: 'referrals', labelColumns: 2, title: 'Referrals by pathway and kind', columns: ['Pathway', 'Kind', 'Received'],
      rows: [...referrals.rows.map((row) => [PATHWAY[row.pathway] ?? row.pathway, KIND[row.kind] ?? row.kind, count(row.count)]), ['All', 'All', count(referrals.total)]],
      method: referrals.method,
    },
    {
      id: 'rag-split', labelColumns: 1, title: 'Rating split', columns: ['Group', 'Received', 'Share'],
      rows: [
        ...ragSplit.rows.map((row) => [GROUP_LABELS[row.group], count(row.count), percent(row.share)]),
        ['RED or AMBER', count(ragSplit.rows.filter((row) => row.group === ReportGroup.RED || row.group === ReportGroup.AMBER).reduce((sum, row) => sum + row.count, 0)), percent(ragSplit.redOrAmberShare)],
        ['GREEN (advice and signposting, and information requests)', count(ragSplit.rows.filter((row) => row.group === ReportGroup.GREEN || row.group === ReportGroup.INFORMATION_REQUEST).reduce((sum, row) => sum + row.count, 0)), percent(ragSplit.greenShare)],
      ],
      method: ragSplit.method,
    },
    {
      id: 'timeliness', labelColumns: 1, title: 'Time to rating and to decision',
      columns: ['Group', 'Received', 'Rated', 'Hours to rating, median', 'Hours to rating, 90th percentile', 'Decided', 'Hours to decision, median', 'Hours to decision, 90th percentile', 'Decided within timescale', 'Share within timescale'],
      rows: timeliness.rows.map((row) => [
        GROUP_LABELS[row.group], count(row.received), count(row.rated), number(row.medianHoursToRating), number(row.p90HoursToRating),
        count(row.decided), number(row.medianHoursToDecision), number(row.p90HoursToDecision), count(row.decidedWithinTimescale), percent(row.withinTimescaleShare),
      ]),
      method: timeliness.method,
    },
    {
      id: 'backlog', labelColumns: 1, title: `Backlog at ${report.backlog.asAt.toISOString()}`, columns: ['Group', 'Open', 'Awaiting decision', 'Overdue', 'Oldest (days)'],
      rows: [...backlog.rows.map((row) => [GROUP_LABELS[row.group], count(row.open), count(row.awaitingDecision), count(row.overdue), number(row.oldestDays)]), ['All', count(backlog.total), '', '', '']],
      method: backlog.method,
    },
    {
      id: 'feedback', labelColumns: 0, title: 'Feedback to referrers', columns: ['Closed', 'Feedback sent', 'None, for a recorded reason', 'Neither', 'Feedback rate'],
      rows: [[count(feedback.closed), count(feedback.feedbackSent), count(feedback.feedbackWithheld), count(feedback.noFeedback), percent(feedback.rate)]],
      method: feedback.method,
    },
    {
      id: 'screening', labelColumns: 0, title: 'Domestic-abuse screening queue', columns: ['Waiting', 'Median age (days)', 'Oldest (days)', 'Waiting over 28 days', 'Screened in the period'],
      rows: screening.available
        ? [[count(screening.waiting), number(screening.medianAgeDays), number(screening.oldestAgeDays), count(screening.olderThan28Days), count(screening.screenedInPeriod)]]
        : [['not available', '', '', '', '']],
      method: screening.method,
    },
    {
      id: 'notifications', labelColumns: 0, title: 'Onward notifications (schools, GPs)', columns: ['Delivered', 'Delivered late', 'Undelivered and overdue'],
      rows: notifications.available ? [[count(notifications.sent), count(notifications.late), count(notifications.undeliveredOverdue)]] : [['not available', '', '']],
      method: notifications.method,
    },
    {
      id: 'triangulation', labelColumns: 1, title: 'Triangulation findings', columns: ['Finding', 'Children'],
      rows: [...triangulation.rows.map((row) => [row.label, count(row.children)]), ['Case pictures viewed', count(triangulation.picturesViewed)]],
      method: triangulation.method,
    },
    weeklyTable(report),
  ];
}

function weeklyTable(report: HubReport): ReportTable {
  const of = (week: HubReport['weeks'][number], group: ReportGroup) => week.groups.find((entry) => entry.group === group)!;
  const inTime = (week: HubReport['weeks'][number], group: ReportGroup) => {
    const figures = of(week, group);
    return figures.decided === 0 ? '-' : `${percent(figures.withinTimescaleShare)} of ${figures.decided}`;
  };
  return {
    id: 'weeks', labelColumns: 1, title: 'Week by week',
    columns: ['Week from', 'Received', 'RED decided in time', 'AMBER decided in time', 'GREEN decided in time', 'Open at end: RED', 'Open at end: AMBER', 'Open at end: GREEN', 'Open at end: information requests', 'Open at end: not yet rated'],
    rows: report.weeks.map((week) => [
      week.from, count(week.groups.reduce((sum, group) => sum + group.received, 0)),
      inTime(week, ReportGroup.RED), inTime(week, ReportGroup.AMBER), inTime(week, ReportGroup.GREEN),
      ...[ReportGroup.RED, ReportGroup.AMBER, ReportGroup.GREEN, ReportGroup.INFORMATION_REQUEST, ReportGroup.UNRATED].map((group) => count(of(week, group).openAtEnd)),
    ]),
    method: report.weeksMethod,
  };
}

export function reportTitle(report: HubReport): string {
  return `The hub's report: ${report.from} to ${report.to}`;
}

export function reportSubtitle(report: HubReport): string {
  return `Europe/London days, from ${report.periodStart.toISOString()} to ${report.periodEnd.toISOString()}; made at ${report.generatedAt.toISOString()}.`;
}
