// Plain-text tables for the printed report.

const fmt = (value, digits = 2) => (value === null || value === undefined ? '-' : typeof value === 'number' ? value.toFixed(digits) : String(value));
const int = (value) => (value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-GB'));

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

const errorsCell = (run) => (!run ? '-' : run.errors ? `${run.errors} (ERRORS)` : '0');

module.exports = { fmt, int, table, errorsCell };
