import type { CheckResult, ConformanceReport } from './types';

/** `N passed, N failed`: the closing line of every run. */
export function summaryLine(report: Pick<ConformanceReport, 'passed' | 'failed'>): string {
  return `${report.passed} passed, ${report.failed} failed`;
}

/** The report as a plain-text table for a terminal, ending with the summary line. */
export function formatReport(report: ConformanceReport): string {
  const where = report.mode === 'throwaway' ? `throwaway deployment, ${report.database} database` : 'running deployment';
  const rows = report.checks.map((check) => [check.group, check.name, check.passed ? 'PASS' : 'FAIL', oneLine(check.reason)]);
  const header = ['GROUP', 'CHECK', 'RESULT', 'REASON'];
  const widths = header.slice(0, 3).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd();
  return [
    `MASH agency conformance: ${report.agency} at ${report.url} (${where}, reference date ${report.referenceDate})`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `${summaryLine(report)} (${(report.durationMs / 1000).toFixed(1)} s)`,
  ].join('\n');
}

/** The failed checks, one per line, for a test's failure message. */
export function failedChecks(report: ConformanceReport): string {
  return report.checks.filter((check) => !check.passed).map((check) => `${check.group} / ${check.name}: ${oneLine(check.reason)}`).join('\n');
}

export function tally(checks: readonly CheckResult[]): { passed: number; failed: number } {
  const passed = checks.filter((check) => check.passed).length;
  return { passed, failed: checks.length - passed };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
