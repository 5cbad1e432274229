import type { HubReport } from '../report.type';
import { reportSubtitle, reportTables, reportTitle } from './tables';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The report as Markdown: one table per section, its method under it. */
export function renderMarkdown(report: HubReport): string {
  const lines = [`# ${reportTitle(report)}`, '', reportSubtitle(report), ''];
  for (const table of reportTables(report)) {
    lines.push(`## ${table.title}`, '', `| ${table.columns.map(cell).join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`);
    for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    lines.push('', `Method: ${table.method}`, '');
  }
  return lines.join('\n');
}
