import type { HubReport } from '../report.type';
import { reportTables } from './tables';

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling its quotes. */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The report as CSV, one figure per line: section, row (what the table's first columns name),
 * measure (the column), value, and the method beside it; so a spreadsheet can filter any figure
 * and still show how it was counted.
 */
export function renderCsv(report: HubReport): string {
  const lines = [['from', 'to', 'section', 'row', 'measure', 'value', 'method'].join(',')];
  for (const table of reportTables(report)) {
    for (const row of table.rows) {
      const label = row.slice(0, table.labelColumns).join(' / ');
      row.forEach((value, index) => {
        if (index < table.labelColumns || value === '') return;
        lines.push([report.from, report.to, table.title, label, table.columns[index], value, table.method].map(field).join(','));
      });
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
