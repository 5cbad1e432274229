import type { AgencyName } from '../../synthetic/types';
import type { MatchThresholds } from '../types';
import type { MatchingEvaluation } from './evaluate';
import type { EvaluationSet, EvaluationSetOptions } from './generate';
import { tabulateMatchingMetrics } from './metrics';
import type { MatchingMetrics, MetricsTable } from './metrics';
import { MATCHING_VARIATIONS } from './variations';
import type { MatchingVariation } from './variations';

/** What each figure means; printed with the tables and written into the JSON. */
export const MATCHING_METRIC_DEFINITIONS: Record<string, string> = {
  cases: 'referral subjects of that variation, each evaluated at every agency',
  true: 'cases where this agency holds the person the referral is about (the rest are true non-matches here)',
  prec: 'precision of MATCHED: MATCHED to the true record / all MATCHED',
  recall: 'recall of MATCHED: MATCHED to the true record / cases with a true record',
  review: 'review recall: true record MATCHED or listed among AMBIGUOUS candidates / cases with a true record',
  'amb%': 'AMBIGUOUS answers / cases',
  wrongM: 'MATCHED to a record that is not the true one (including cases with no true record)',
  twinM: 'twin cases: the other twin MATCHED',
  idConfM: "the referral carried a sibling's or stranger's identifier and that person's record was MATCHED",
  'rej%': "subjects as sent that the agency's input check (checkSubject) rejected: BAD_USER_INPUT",
  blockR: 'blocking recall: true record among the candidates sharing a blocking key / cases with a true record',
  cand: 'mean candidates per subject (records sharing any of its blocking keys)',
  max: 'most candidates for one subject',
  baseline: 'MATCHED only when exactly one record has the exact given name + family name + date of birth (trimmed, case-insensitive, any name the record holds); otherwise NOT_KNOWN; never AMBIGUOUS',
};

export interface EvaluationReport {
  measured: {
    options: Required<EvaluationSetOptions>;
    people: number;
    households: number;
    thresholds: MatchThresholds;
    batchSize: number;
    records: Partial<Record<AgencyName, number>>;
    variations: readonly MatchingVariation[];
    definitions: Record<string, string>;
    notes: string[];
  };
  agencies: Partial<Record<AgencyName, { matcher: MetricsTable; baseline: MetricsTable }>>;
  /** Every evaluated agency's outcomes together. */
  allAgencies: { matcher: MetricsTable; baseline: MetricsTable };
}

const NOTES = [
  'Referrals carry no identifiers except in the identifier-* and temporary-upn variations, so each other variation measures the demographic matching it names.',
  'identifier-invalid: rej% is the share rejected as sent; every other figure on that row is for the same subject with the invalid identifier dropped, as the hub would send it once the referrer corrects it.',
  "exact means the referral states the person's true facts; the agency's own record may still differ (a nickname or middle name recorded, a stale postcode): each case's recordDifferences say how.",
  'twin, sibling and same-name-same-year include cases where the agency holds only the other person (their true record is none): a MATCH there is a wrong match.',
];

export function summariseEvaluation(set: EvaluationSet, evaluation: MatchingEvaluation): EvaluationReport {
  const table = (outcomes: Parameters<typeof tabulateMatchingMetrics>[0]) => tabulateMatchingMetrics(outcomes, MATCHING_VARIATIONS);
  return {
    measured: {
      options: set.options,
      people: set.world.people.length,
      households: set.world.households.length,
      thresholds: evaluation.thresholds,
      batchSize: evaluation.batchSize,
      records: Object.fromEntries(evaluation.agencies.map((a) => [a.agency, a.records])),
      variations: MATCHING_VARIATIONS,
      definitions: MATCHING_METRIC_DEFINITIONS,
      notes: NOTES,
    },
    agencies: Object.fromEntries(evaluation.agencies.map((a) => [a.agency, { matcher: table(a.matcher), baseline: table(a.baseline) }])),
    allAgencies: {
      matcher: table(evaluation.agencies.flatMap((a) => a.matcher)),
      baseline: table(evaluation.agencies.flatMap((a) => a.baseline)),
    },
  };
}

const pct = (x: number | null) => (x === null ? '-' : (x * 100).toFixed(1));
const num = (x: number | null) => (x === null ? '-' : String(x));

type Column = [header: string, width: number, value: (m: MatchingMetrics) => string];

const MATCHER: Column[] = [
  ['cases', 6, (m) => num(m.cases)], ['true', 5, (m) => num(m.withTrueRecord)],
  ['prec', 6, (m) => pct(m.precision)], ['recall', 6, (m) => pct(m.recall)], ['review', 6, (m) => pct(m.reviewRecall)],
  ['amb%', 5, (m) => pct(m.ambiguousShare)], ['wrongM', 6, (m) => num(m.wrongMatches)], ['twinM', 5, (m) => num(m.twinFalseMatches)],
  ['idConfM', 7, (m) => num(m.conflictingIdentifierMatches)], ['rej%', 5, (m) => pct(m.rejectedShare)],
  ['blockR', 6, (m) => pct(m.blockingRecall)], ['cand', 5, (m) => (m.meanCandidates === null ? '-' : m.meanCandidates.toFixed(1))],
  ['max', 4, (m) => num(m.maxCandidates)],
];
const BASELINE: Column[] = [
  ['prec', 6, (m) => pct(m.precision)], ['recall', 6, (m) => pct(m.recall)], ['wrongM', 6, (m) => num(m.wrongMatches)],
  ['twinM', 5, (m) => num(m.twinFalseMatches)], ['idConfM', 7, (m) => num(m.conflictingIdentifierMatches)],
];

function formatTable(title: string, tables: { matcher: MetricsTable; baseline: MetricsTable }): string {
  const row = (label: string, matcher: MatchingMetrics, baseline: MatchingMetrics) =>
    `${label.padEnd(24)} ${MATCHER.map(([, w, v]) => v(matcher).padStart(w)).join(' ')} | ${BASELINE.map(([, w, v]) => v(baseline).padStart(w)).join(' ')}`;
  const header = `${'variation'.padEnd(24)} ${MATCHER.map(([h, w]) => h.padStart(w)).join(' ')} | ${BASELINE.map(([h, w]) => h.padStart(w)).join(' ')}`;
  const matcherWidth = 25 + MATCHER.reduce((sum, [, w]) => sum + w + 1, 0) - 1;
  const lines = [title, `${''.padEnd(25)}${'matcher'.padEnd(matcherWidth - 25)} | baseline (exact name + DOB)`, header, '-'.repeat(header.length)];
  for (const variation of MATCHING_VARIATIONS) {
    const matcher = tables.matcher.byVariation[variation];
    if (matcher) lines.push(row(variation, matcher, tables.baseline.byVariation[variation]!));
  }
  lines.push('-'.repeat(header.length), row('overall', tables.matcher.overall, tables.baseline.overall));
  return lines.join('\n');
}

/** The printed report: how it was measured, then a table per agency and one for all agencies together. */
export function formatEvaluationReport(report: EvaluationReport): string {
  const { measured } = report;
  const { options, thresholds } = measured;
  const records = Object.entries(measured.records).map(([agency, n]) => `${agency} ${n}`).join(', ');
  const perVariation = Math.floor(options.subjects / MATCHING_VARIATIONS.length);
  const intro = [
    'Person-matching evaluation (issue 8, "The right person, every time")',
    `  seed ${options.seed}, reference date ${options.referenceDate}; ${options.subjects} referral subjects (${MATCHING_VARIATIONS.length} variations, about ${perVariation} each, aimed at the four agencies in turn)`,
    `  synthetic world: ${measured.people} people in ${measured.households} households; records held: ${records}`,
    `  matcher: the current code (checkSubject, recordBlockingKeys/subjectBlockingKeys, matchBatch), thresholds match >= ${thresholds.match}, possible >= ${thresholds.possible}; ${measured.batchSize} subjects per candidate query`,
    '  figures are percentages except counts (cases, true, wrongM, twinM, idConfM, cand, max); "-" where the denominator is 0',
    ...measured.notes.map((note) => `  * ${note}`),
    '  columns:',
    ...Object.entries(measured.definitions).map(([name, text]) => `    ${name.padEnd(8)} ${text}`),
  ];
  const tables = Object.entries(report.agencies).map(([agency, tables]) => formatTable(`${agency.toUpperCase()} (${measured.records[agency as AgencyName]} records)`, tables!));
  if (tables.length > 1) tables.push(formatTable('ALL AGENCIES TOGETHER', report.allAgencies));
  return [intro.join('\n'), ...tables].join('\n\n');
}
