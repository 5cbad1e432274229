import pg from 'pg';
import { parseTextArray } from '../store';

const library = (pg.types.getTypeParser as (oid: number, format: 'text') => (value: string) => unknown)(1009, 'text');

/** Arrays as PostgreSQL writes them: unquoted, quoted, escaped, NULL, empty, nested, with bounds. */
const WRITTEN = [
  '{}',
  '{a}',
  '{upn:K937207117423,dg:2013-08-04|j,"pg:CV12 4PH|j",fy:okafor|2013|j}',
  '{"",a}',
  '{"a,b","c d",e}',
  '{"{x}",y}',
  '{NULL,a}',
  '{"NULL",a}',
  '{null}',
  '{"a \\"quoted\\" word","back\\\\slash"}',
  '{{a,b},{c,d}}',
  '[0:1]={a,b}',
  '{é,"ü ö",ß}',
];

describe('parseTextArray: text[] as the hot path reads it', () => {
  it.each(WRITTEN)('reads %s exactly as pg does', (written) => {
    expect(parseTextArray(written)).toEqual(library(written));
  });

  it('gives a blocking-key array its keys, the quoted postcode key without its quotes', () => {
    expect(parseTextArray('{dg:2013-08-04|j,"pg:CV12 4PH|j"}')).toEqual(['dg:2013-08-04|j', 'pg:CV12 4PH|j']);
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  (serverUrl ? it : it.skip)('agrees with pg on 2,000 random arrays written by PostgreSQL itself', async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const pieces = ['a', 'B', ' ', ',', '"', '\\', '{', '}', 'é', '|', ':', 'NULL', 'null', '', '\t', "'", '1'];
      let seed = 7;
      const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      const arrays = Array.from({ length: 2000 }, () =>
        Array.from({ length: random(6) }, () => (random(12) === 0 ? null : Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).join(''))),
      );
      const { rows } = await client.query<{ written: string }>('SELECT a::text AS written FROM jsonb_array_elements($1::jsonb) AS e, LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(e.value))) AS x(a)', [JSON.stringify(arrays)]);
      expect(rows).toHaveLength(2000);
      const differing = rows.filter(({ written }) => JSON.stringify(parseTextArray(written)) !== JSON.stringify(library(written)));
      expect(differing).toEqual([]);
      // The fast path was taken for some: arrays without a backslash or a NULL element.
      expect(rows.filter(({ written }) => !written.includes('\\') && !/(^|,)NULL(,|})/.test(written)).length).toBeGreaterThan(500);
    } finally {
      await client.end();
    }
  });
});
