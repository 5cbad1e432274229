import fs from 'node:fs';
import path from 'node:path';
import { ReportGroup, type HubReport } from '../report.type';
import { GROUP_LABELS, reportSubtitle, reportTables, reportTitle } from './tables';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** Chart.js's UMD bundle, read from the installed package (pinned in gateway/package.json). */
function chartJsBundle(): string {
  const bundle = fs.readFileSync(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  // Inlined in a <script>: nothing in it may close the element early.
  return bundle.replace(/<\/script/gi, '<\\/script');
}

const COLOURS: Record<ReportGroup, string> = {
  RED: '#c62828',
  AMBER: '#ef8f00',
  GREEN: '#2e7d32',
  INFORMATION_REQUEST: '#1565c0',
  UNRATED: '#757575',
};

/** What the charts draw, computed here so the page's script only hands it to Chart.js. */
function chartData(report: HubReport) {
  const labels = report.weeks.map((week) => week.from);
  const series = (group: ReportGroup, pick: (figures: HubReport['weeks'][number]['groups'][number]) => number | null) =>
    report.weeks.map((week) => pick(week.groups.find((entry) => entry.group === group)!));
  return {
    ragSplit: {
      labels: report.ragSplit.rows.map((row) => GROUP_LABELS[row.group]),
      counts: report.ragSplit.rows.map((row) => row.count),
      colours: report.ragSplit.rows.map((row) => COLOURS[row.group]),
    },
    timeliness: {
      labels,
      datasets: [ReportGroup.RED, ReportGroup.AMBER, ReportGroup.GREEN].map((group) => ({
        label: `${GROUP_LABELS[group]} decided within timescale (%)`,
        data: series(group, (figures) => (figures.withinTimescaleShare === null ? null : Math.round(figures.withinTimescaleShare * 1000) / 10)),
        colour: COLOURS[group],
      })),
    },
    backlog: {
      labels,
      datasets: [ReportGroup.RED, ReportGroup.AMBER, ReportGroup.GREEN, ReportGroup.INFORMATION_REQUEST, ReportGroup.UNRATED].map((group) => ({
        label: GROUP_LABELS[group],
        data: series(group, (figures) => figures.openAtEnd),
        colour: COLOURS[group],
      })),
    },
  };
}

// Runs in the browser: draws the three charts from the JSON above it. Animation off, so the charts
// are complete as soon as the page has loaded (printing, screenshots).
const DRAW = `
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  new Chart(document.getElementById('chart-rag-split'), {
    type: 'doughnut',
    data: { labels: data.ragSplit.labels, datasets: [{ data: data.ragSplit.counts, backgroundColor: data.ragSplit.colours }] },
    options: { plugins: { legend: { position: 'right' } } }
  });
  new Chart(document.getElementById('chart-timeliness'), {
    type: 'line',
    data: { labels: data.timeliness.labels, datasets: data.timeliness.datasets.map(function (d) { return { label: d.label, data: d.data, borderColor: d.colour, backgroundColor: d.colour, spanGaps: true }; }) },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% decided within timescale' } }, x: { title: { display: true, text: 'week from' } } } }
  });
  new Chart(document.getElementById('chart-backlog'), {
    type: 'bar',
    data: { labels: data.backlog.labels, datasets: data.backlog.datasets.map(function (d) { return { label: d.label, data: d.data, backgroundColor: d.colour }; }) },
    options: { scales: { x: { stacked: true, title: { display: true, text: 'end of the week from' } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'open cases' } } } }
  });
})();
`;

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 75rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
p.method { font-size: 0.85rem; color: #444; max-width: 60rem; }
.chart { position: relative; height: 320px; margin: 1rem 0 2rem; }
`;

/** A self-contained page: the tables, each with its method, and three charts drawn by Chart.js inlined (works offline). */
export function renderHtml(report: HubReport): string {
  const tables = reportTables(report).map((table) => `
<section id="${escape(table.id)}">
<h2>${escape(table.title)}</h2>
<table><thead><tr>${table.columns.map((column) => `<th>${escape(column)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr>${row.map((value) => `<td>${escape(value)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>
<p class="method">Method: ${escape(table.method)}</p>
</section>`);
  const charts = [
    { id: 'chart-rag-split', title: 'Rating split of referrals received', method: report.ragSplit.method },
    { id: 'chart-timeliness', title: 'Decided within timescale, by week of receipt', method: report.weeksMethod },
    { id: 'chart-backlog', title: 'Backlog at the end of each week', method: report.weeksMethod },
  ].map((chart) => `
<section>
<h2>${escape(chart.title)}</h2>
<div class="chart"><canvas id="${chart.id}" role="img" aria-label="${escape(chart.title)}"></canvas></div>
<p class="method">Method: ${escape(chart.method)}</p>
</section>`);
  // JSON in a script element: "<" escaped so no value can end the element.
  const json = JSON.stringify(chartData(report)).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escape(reportTitle(report))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escape(reportTitle(report))}</h1>
<p>${escape(reportSubtitle(report))}</p>
${charts.join('\n')}
${tables.join('\n')}
<script id="chart-data" type="application/json">${json}</script>
<script>${chartJsBundle()}</script>
<script>${DRAW}</script>
</body>
</html>
`;
}
