import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { openTestDatabase, type Database } from '@mash/shared';
import {
  AccessMatrixResolver, DEFAULT_POLICY, PolicyStore, accessMatrix, policyEntities, policyMigrations, supergraphFields, type PolicyContext,
} from '../../gateway/src/policy';
import type { AuthenticatedUser, HubRole } from '../../gateway/src/auth/user';

const user = (role: HubRole): AuthenticatedUser => ({ id: `${role}-1`, name: null, roles: [role], organisation: 'hub', agency: null });
const ROW = 'role agency rag caseStatus allowed rule reason lawfulBasis obligations';
const LEVELS = 'levels { level allowed rule reason releasedBy fields withheldWithin }';

describe('the accessMatrix query', () => {
  let db: Database;
  let store: PolicyStore;
  let schema: GraphQLSchema;
  const run = (who: AuthenticatedUser | null, source: string) =>
    graphql({ schema, source, contextValue: { user: who, policies: store } satisfies PolicyContext });
  const codeOf = (result: Awaited<ReturnType<typeof run>>) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    db = await openTestDatabase({ service: 'hub-matrix', entities: policyEntities, migrations: policyMigrations });
    store = new PolicyStore({ dataSource: db.dataSource, cacheTtlMs: 0, onChange: async () => undefined });
    await store.ensureDefault('test');
    schema = await buildSchema({ resolvers: [AccessMatrixResolver], validate: false });
  });
  afterAll(() => db?.close());

  it('answers as before without arguments: open cases rated RED, AMBER or GREEN, 48 rows of which 16 allowed', async () => {
    const result = await run(user('mash-manager'), `{ accessMatrix { ${ROW} } }`);
    expect(result.errors).toBeUndefined();
    const rows = result.data!.accessMatrix as { rag: string; caseStatus: string; allowed: boolean }[];
    expect(rows).toHaveLength(48);
    expect(rows.filter((row) => row.allowed)).toHaveLength(16);
    expect(new Set(rows.map((row) => `${row.rag}/${row.caseStatus}`))).toEqual(new Set(['RED/OPEN', 'AMBER/OPEN', 'GREEN/OPEN']));
  });

  it('gives the whole matrix when asked, each level with its rule, releasing entry and supergraph fields, equal to accessMatrix()', async () => {
    const result = await run(
      user('governance'),
      `{ accessMatrix(version: "2026-11-01.5", rag: [RED, AMBER, GREEN, UNRATED], caseStatus: [OPEN, CLOSED_WITHIN_WINDOW, CLOSED_AFTER_WINDOW]) { ${ROW} ${LEVELS} } }`,
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data!.accessMatrix as unknown[];
    expect(rows).toHaveLength(4 * 4 * 4 * 3);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(accessMatrix(DEFAULT_POLICY, { fields: supergraphFields() }));
    const amberPolice = (rows as any[]).find((row) => row.role === 'mash-triage' && row.agency === 'police' && row.rag === 'AMBER' && row.caseStatus === 'OPEN');
    expect(amberPolice.levels.find((level: any) => level.level === 'POLICE_INTELLIGENCE')).toMatchObject({ allowed: false, rule: 'classification-not-released', releasedBy: [] });
    expect(amberPolice.levels.find((level: any) => level.level === 'CRIMINAL_OFFENCE')).toMatchObject({ allowed: true, rule: 'triage-open-red-amber', releasedBy: ['triage-amber-research'] });
  });

  it('filters by rating and status', async () => {
    const result = await run(user('governance'), '{ accessMatrix(rag: [UNRATED], caseStatus: [CLOSED_AFTER_WINDOW]) { rag caseStatus allowed } }');
    const rows = result.data!.accessMatrix as { rag: string; caseStatus: string; allowed: boolean }[];
    expect(rows).toHaveLength(16);
    expect(rows.every((row) => row.rag === 'UNRATED' && row.caseStatus === 'CLOSED_AFTER_WINDOW' && !row.allowed)).toBe(true);
  });

  it('refuses what it cannot answer, naming it', async () => {
    const unknown = await run(user('governance'), '{ accessMatrix(version: "1999-01-01.1") { rule } }');
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toContain('There is no ISA policy version 1999-01-01.1');
    const empty = await run(user('governance'), '{ accessMatrix(rag: []) { rule } }');
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].message).toContain('rag is empty');
    const noStatus = await run(user('governance'), '{ accessMatrix(caseStatus: []) { rule } }');
    expect(noStatus.errors![0].message).toContain('caseStatus is empty');
    expect(codeOf(await run(user('mash-triage'), '{ accessMatrix { rule } }'))).toBe('FORBIDDEN');
    expect(codeOf(await run(user('agency-admin'), '{ accessMatrix { rule } }'))).toBe('FORBIDDEN');
    expect(codeOf(await run(null, '{ accessMatrix { rule } }'))).toBe('UNAUTHENTICATED');
  });
});
