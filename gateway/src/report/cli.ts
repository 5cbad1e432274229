import 'reflect-metadata';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { hubForTool } from '../hub/tool-database';
import { buildHubReport } from './hub-report';
import { renderCsv } from './render/csv';
import { renderHtml } from './render/html';
import { renderMarkdown } from './render/markdown';
import type { HubReport } from './report.type';

export const USAGE = `usage: npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD [--format md|csv|html] [--out file]

The hub's report for whole Europe/London days from --from to --to (both included, at most 2 years),
read from the hub database (HUB_DATABASE_URL, else the embedded .data/hub: stop embedded-mode
services first). Prints Markdown to stdout unless --format or --out say otherwise.
Exit 0 done, 2 bad arguments or no database.`;

const RENDERERS: Record<string, (report: HubReport) => string> = { md: renderMarkdown, csv: renderCsv, html: renderHtml };

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

/** `npm run report`: returns the exit code. */
export async function runReportCli(argv: string[], io: CliIo): Promise<number> {
  let values: { from?: string; to?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'md' }, out: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    io.stderr(`report: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const render = RENDERERS[values.format ?? 'md'];
  if (!values.from || !values.to || !render) {
    io.stderr(`report: ${!render ? `--format must be md, csv or html, not ${values.format}` : 'give both --from and --to'}\n${USAGE}\n`);
    return 2;
  }
  const found = hubForTool(io.env ?? process.env);
  if (!found.found) {
    io.stderr(`report: no hub database at ${found.embeddedPath}; run npm start once or set HUB_DATABASE_URL\n`);
    return 2;
  }
  const hub = await found.open('hub-report');
  try {
    const report = await buildHubReport(hub.dataSource, values.from, values.to, io.now ?? new Date());
    const text = render(report);
    if (values.out) {
      fs.writeFileSync(values.out, text);
      io.stderr(`report: written to ${values.out}\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
      io.stderr(`report: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await hub.close();
  }
}
