import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { auditResolvers } from '..';

describe('governance audit queries without a signed-in user', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: auditResolvers, validate: false });
  });

  it.each(['{ accessLog { id } }', '{ auditChain { ok } }'])('%s answers UNAUTHENTICATED and touches no database', async (source) => {
    const hub = new Proxy({}, { get: () => { throw new Error('the database must not be used'); } }) as DataSource;
    const result = await graphql({ schema, source, contextValue: { requestId: 'r-1', user: null, hub } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toMatch(/governance role/);
  });

  it('exposes the filters the contract names', () => {
    const query = schema.getQueryType()!.getFields();
    expect(query.accessLog.args.map((arg) => arg.name)).toEqual(['caseId', 'agency', 'decision', 'since', 'limit']);
    expect(query.accessLog.args.find((arg) => arg.name === 'limit')!.defaultValue).toBe(100);
    expect(String(query.accessLog.type)).toBe('[AccessLogEntry!]!');
    expect(String(query.auditChain.type)).toBe('AuditChainReport!');
  });
});
