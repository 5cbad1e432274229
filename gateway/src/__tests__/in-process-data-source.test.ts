import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { buildSchema } from 'graphql';
import { InProcessDataSource } from '../in-process-data-source';

const schema = buildSchema('type Query { hello(name: String!): String }');
schema.getQueryType()!.getFields().hello.resolve = (_source, args: { name: string }) => `hello ${args.name}`;

const fetchOf = (query: string, variables: Record<string, unknown> = {}) =>
  ({ kind: 'incoming operation', request: { query, variables }, context: {} }) as unknown as GraphQLDataSourceProcessOptions;

describe('an in-process subgraph', () => {
  it('answers every fetch of the same text, each with its own variables', async () => {
    const source = new InProcessDataSource(schema);
    const query = 'query($name: String!) { hello(name: $name) }';
    expect(await source.process(fetchOf(query, { name: 'a' }))).toEqual({ data: { hello: 'hello a' } });
    expect(await source.process(fetchOf(query, { name: 'b' }))).toEqual({ data: { hello: 'hello b' } });
  });

  it('answers a text that does not parse or validate with its errors, every time', async () => {
    const source = new InProcessDataSource(schema);
    for (let i = 0; i < 2; i++) {
      expect((await source.process(fetchOf('{ goodbye }'))).errors?.[0].message).toBe('Cannot query field "goodbye" on type "Query".');
      expect((await source.process(fetchOf('{ hello('))).errors?.[0].message).toMatch(/^Syntax Error/);
    }
  });
});
