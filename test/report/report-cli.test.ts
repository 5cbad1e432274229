import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hubEntities, hubMigrations } from '@mash/gateway/dist/hub/data-source';
import { hubServices } from '@mash/gateway/dist/hub/governance';
import { seedDemoCases } from '@mash/gateway/dist/hub/seed/demo-cases';
import { runReportCli } from '@mash/gateway/dist/report/cli';
import { CHROMIUM_FLAGS, findChromium } from '../support/chromium';
import { toolHub, type ToolHub } from '../support/tool-hub';

/**
 * `npm run report` as a person runs it: on the hub database (HUB_DATABASE_URL with TEST_DATABASE_URL
 * set, else the embedded one `npm start` leaves under the data folder: support/tool-hub), Markdown
 * to stdout, CSV, and an HTML page whose charts a headless Chromium draws.
 * The script is started as a process twice (exit 0 and 2); the other cases call what it calls.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/report.js');


// Run after Chart.js has drawn: how many pixels of each canvas are not blank, written into the DOM.
const CANVAS_CHECK = `<script>
window.addEventListener('load', function () {
  setTimeout(function () {
    var result = Array.prototype.map.call(document.querySelectorAll('canvas'), function (canvas) {
      var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, painted = 0, colours = {};
      for (var i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) { painted++; colours[pixels[i - 3] + ',' + pixels[i - 2] + ',' + pixels[i - 1]] = 1; }
      return { id: canvas.id, width: canvas.width, height: canvas.height, painted: painted, colours: Object.keys(colours).length, chart: !!Chart.getChart(canvas) };
    });
    document.body.setAttribute('data-canvas-check', JSON.stringify(result));
  }, 200);
});
</script>`;

describe('npm run report', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-report-'));
  // Until the hub is made: no hub at all (the refusal below opens none).
  let env: NodeJS.ProcessEnv = { ...process.env, MASH_DATA_DIR: dataDir, HUB_DATABASE_URL: '', MASH_LOG_LEVEL: 'silent' };
  let hub: ToolHub | undefined;
  const iso = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(date);
  const to = iso(new Date());
  const from = iso(new Date(Date.now() - 183 * 86_400_000));

  /** The script's entry point in this process: its exit code and what it printed. */
  const inProcess = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runReportCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env });
    return { code, stdout, stderr };
  };

  // The script refusing an unknown format opens no database: started at once, beside the seeding.
  let unknownFormat: Promise<{ code: number; stderr: string }>;
  beforeAll(async () => {
    unknownFormat = run(process.execPath, [SCRIPT, '--from', from, '--to', to, '--format', 'pdf'], { env, cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error) => ({ code: error.code, stderr: error.stderr }),
    );
    hub = await toolHub(dataDir, { entities: hubEntities, migrations: hubMigrations, variant: '' });
    await hub.use((db) => seedDemoCases(db.dataSource, hubServices(db.dataSource).cases, { people: 200, history: {} }));
    env = hub.env;
  });
  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the tables in Markdown, each with its method, reading the hub database', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, '--from', from, '--to', to], { env, cwd: ROOT });
    expect(stdout).toContain(`# The hub's report: ${from} to ${to}`);
    for (const title of ['Referrals by pathway and kind', 'Rating split', 'Time to rating and to decision', 'Backlog at', 'Feedback to referrers', 'Domestic-abuse screening queue', 'Onward notifications', 'Triangulation findings', 'Week by week']) {
      expect(stdout).toContain(`## ${title}`);
    }
    expect(stdout.match(/^Method: /gm)).toHaveLength(9);
    // The demo history is counted: the RED or AMBER share of the hub's own report, near 44%.
    const share = Number(/\| RED or AMBER \| \d+ \| ([\d.]+)% \|/.exec(stdout)![1]);
    expect(share).toBeGreaterThan(38);
    expect(share).toBeLessThan(52);
  });

  it('writes CSV with a method on every line', async () => {
    const { code, stdout } = await inProcess('--from', from, '--to', to, '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('from,to,section,row,measure,value,method');
    expect(lines.length).toBeGreaterThan(50);
    // Each figure's line ends with its section's method.
    const methods = /,"?(Received in the period|Cases received|Cases closed|Police domestic|Onward notifications|Not available|Counted from case_finding|Weeks of 7 days)[^\r\n]*$/;
    expect(lines.slice(1).filter((line) => !line.startsWith(`${from},${to},`) || !methods.test(line))).toEqual([]);
  });

  it('refuses bad dates and unknown formats with exit code 2, naming the problem', async () => {
    const reversed = await inProcess('--from', to, '--to', from);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('to: must be on or after from');
    // The script itself exits 2.
    const format = await unknownFormat;
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be md, csv or html');
  });

  const chromium = findChromium();
  (chromium ? it : it.skip)('draws the three charts of the HTML page in headless Chromium, offline', async () => {
    const out = path.join(dataDir, 'report.html');
    expect(await inProcess('--from', from, '--to', to, '--format', 'html', '--out', out)).toMatchObject({ code: 0, stdout: '' });
    const checked = path.join(dataDir, 'checked.html');
    fs.writeFileSync(checked, fs.readFileSync(out, 'utf8').replace('</body>', `${CANVAS_CHECK}</body>`));
    const flags = [...CHROMIUM_FLAGS, '--hide-scrollbars', '--window-size=1200,2400', '--virtual-time-budget=10000', '--user-data-dir=' + path.join(dataDir, 'chromium')];
    // One browser start for both: the DOM once drawn, and a picture of the page (the check's script only reads pixels).
    const screenshot = path.join(dataDir, 'report.png');
    const { stdout: dom } = await run(chromium!, [...flags, '--dump-dom', `--screenshot=${screenshot}`, `file://${checked}`], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    const check = JSON.parse(/data-canvas-check="([^"]*)"/.exec(dom)![1].replace(/&quot;/g, '"'));
    expect(check.map((canvas: { id: string }) => canvas.id)).toEqual(['chart-rag-split', 'chart-timeliness', 'chart-backlog']);
    for (const canvas of check) {
      expect(canvas.chart).toBe(true);
      // Drawn: many painted pixels in several colours (segments, lines, bars, axes, legend), not a blank canvas.
      expect(canvas.painted).toBeGreaterThan(canvas.width * canvas.height * 0.02);
      expect(canvas.colours).toBeGreaterThan(5);
    }
    expect(fs.statSync(screenshot).size).toBeGreaterThan(50_000);
  });
  if (!chromium) console.warn('report HTML chart test skipped: no Chromium on this machine (apt-get install -y chromium)');
});
