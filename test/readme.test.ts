import fs from 'node:fs';
import path from 'node:path';
import { startFederation, type Federation } from './support/federation';

/**
 * Every GraphQL operation the README shows runs as written against the product, without errors:
 * as a triage user, or as the role its first line names (`# as governance`).
 */
const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const graphqlBlocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
const curlQueries = [...readme.matchAll(/-d '(\{"query":[^']*\})'/g)].map((match) => (JSON.parse(match[1]) as { query: string }).query);

describe('README', () => {
  let federation: Federation;
  let redCaseId: string;
  let token: string;

  beforeAll(async () => {
    federation = await startFederation();
    token = await federation.token({ role: 'mash-triage' });
    const { body } = await federation.query('{ cases { id rag } }', {}, token);
    redCaseId = body.data.cases.find((item: { rag: string }) => item.rag === 'RED').id;
  });
  afterAll(() => federation?.stop());

  it('shows GraphQL to run', () => {
    expect(graphqlBlocks.length).toBeGreaterThan(0);
    expect(curlQueries.length).toBeGreaterThan(0);
  });

  it.each([...graphqlBlocks, ...curlQueries].map((query, index) => [index, query]))('runs operation %i as written', async (_index, query) => {
    const role = /^# as ([a-z-]+)\n/.exec(query as string)?.[1];
    const as = role ? await federation.token({ role: role as never }) : token;
    const { status, body } = await federation.query(query as string, { id: redCaseId }, as);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  });
});
