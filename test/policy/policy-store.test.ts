import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { canonicalHash, openTestDatabase, type Database } from '@mash/shared';
import {
  DEFAULT_POLICY, PolicyStore, accessMatrix, policyEntities, policyMigrations, policyResolvers,
  type PolicyChangeEvent, type PolicyContext, type PolicyDocument,
} from '../../gateway/src/policy';
import type { AuthenticatedUser, HubRole } from '../../gateway/src/auth/user';

const user = (role: HubRole, n = 1): AuthenticatedUser => ({ id: `${role}-${n}`, name: null, roles: [role], organisation: 'hub', agency: null });

function nextVersion(version: string, change: (doc: PolicyDocument) => void = () => {}): PolicyDocument {
  const doc = structuredClone(DEFAULT_POLICY);
  doc.version = version;
  change(doc);
  return doc;
}

describe('ISA policy store', () => {
  let db: Database;
  let ds: DataSource;
  let events: PolicyChangeEvent[];
  let store: PolicyStore;

  beforeAll(async () => {
    db = await openTestDatabase({ service: 'hub-policy', entities: policyEntities, migrations: policyMigrations });
    ds = db.dataSource;
    events = [];
    store = new PolicyStore({ dataSource: ds, cacheTtlMs: 0, onChange: async (event) => void events.push(event) });
  });
  afterAll(() => db?.close());

  it('starts with nothing active, then installs the default once', async () => {
    expect(await store.active()).toBeNull();
    expect(await store.ensureDefault('system')).toBe(true);
    expect(await store.ensureDefault('system')).toBe(false);
    expect((await store.active())?.version).toBe('2026-11-01.5');
    const [only, ...rest] = await store.history();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ status: 'ACTIVE', proposedBy: 'system', activatedBy: 'system', documentHash: canonicalHash(DEFAULT_POLICY) });
    expect(events.map((event) => `${event.kind} ${event.version}`)).toEqual(['PROPOSED 2026-11-01.5', 'ACTIVATED 2026-11-01.5']);
  });

  it('proposes without changing what is enforced, then activates and retires the previous version', async () => {
    events.length = 0;
    const doc = nextVersion('2026-12-01.1', (d) => (d.timescalesHours.AMBER = 8));
    await expect(store.propose(doc, 'gov-1', 'Tighter AMBER timescale')).resolves.toMatchObject({ status: 'DRAFT' });
    expect((await store.active())?.version).toBe('2026-11-01.5');
    const activated = await store.activate('2026-12-01.1', 'gov-2', 'Board approved 2026-11-20');
    expect(activated).toMatchObject({ status: 'ACTIVE', activatedBy: 'gov-2', activationReason: 'Board approved 2026-11-20' });
    expect((await store.active())?.timescalesHours.AMBER).toBe(8);
    const statuses = Object.fromEntries((await store.history()).map((v) => [v.version, [v.status, v.retiredBy]]));
    expect(statuses).toEqual({ '2026-11-01.5': ['RETIRED', 'gov-2'], '2026-12-01.1': ['ACTIVE', null] });
    expect(events.map((e) => [e.kind, e.version, e.actorId, e.retiredVersion ?? null])).toEqual([
      ['PROPOSED', '2026-12-01.1', 'gov-1', null],
      ['ACTIVATED', '2026-12-01.1', 'gov-2', '2026-11-01.5'],
    ]);
  });

  it('refuses invalid, duplicate or unreasoned proposals and re-activation, as BAD_USER_INPUT', async () => {
    const bad = nextVersion('2026-12-02.1', (d) => (d.timescalesHours.RED = -1));
    await expect(store.propose(bad, 'gov-1', 'x')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', errors: ['/timescalesHours/RED must be > 0'] },
    });
    await expect(store.propose(nextVersion('2026-12-01.1'), 'gov-1', 'again')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(store.propose(nextVersion('2026-12-03.1'), 'gov-1', ' ')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(store.activate('2026-11-01.5', 'gov-1', 'back')).rejects.toThrow('Version 2026-11-01.5 is RETIRED; only a DRAFT version can be activated.');
    await expect(store.activate('1999-01-01.1', 'gov-1', 'x')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('rolls the change back when it cannot be reported (no unaudited policy change)', async () => {
    const failing = new PolicyStore({ dataSource: ds, onChange: async () => Promise.reject(new Error('audit down')) });
    await expect(failing.propose(nextVersion('2026-12-04.1'), 'gov-1', 'x')).rejects.toThrow('audit down');
    expect(await store.find('2026-12-04.1')).toBeNull();
  });

  it('keeps history immutable in the database itself', async () => {
    const sql = (text: string) => ds.query(text);
    await expect(sql(`UPDATE isa_policy_version SET document = '{}'::jsonb WHERE version = '2026-11-01.5'`)).rejects.toThrow(/immutable/);
    await expect(sql(`UPDATE isa_policy_version SET reason = 'rewritten' WHERE version = '2026-12-01.1'`)).rejects.toThrow(/immutable/);
    await expect(sql(`UPDATE isa_policy_version SET status = 'ACTIVE' WHERE version = '2026-11-01.5'`)).rejects.toThrow(/DRAFT -> ACTIVE -> RETIRED or DRAFT -> RETIRED/);
    await expect(sql(`DELETE FROM isa_policy_version`)).rejects.toThrow(/cannot be deleted/);
    await expect(sql(`TRUNCATE isa_policy_version`)).rejects.toThrow(/foreign key/);
    await expect(sql(`TRUNCATE isa_policy_version CASCADE`)).rejects.toThrow(/cannot be (deleted|changed or deleted)/);
    await expect(
      sql(`INSERT INTO isa_policy_version (version, document, document_hash, status, proposed_by, reason)
           VALUES ('x', '{}', 'h', 'ACTIVE', 'me', 'sneak')`),
    ).rejects.toThrow(/must start as DRAFT/);
    await store.propose(nextVersion('2026-12-05.1'), 'gov-1', 'spare');
    await expect(
      sql(`UPDATE isa_policy_version SET status = 'ACTIVE', activated_by = 'me', activated_at = now(), activation_reason = 'two', approvers_needed = 1, widening = '[]'
           WHERE version = '2026-12-05.1'`),
    ).rejects.toThrow(/one_active|duplicate key/);
  });

  describe('GraphQL', () => {
    let schema: GraphQLSchema;
    const run = (who: AuthenticatedUser | null, source: string, variableValues?: Record<string, unknown>) =>
      graphql({ schema, source, variableValues, contextValue: { user: who, policies: store } satisfies PolicyContext });
    const propose = 'mutation($d: String!) { proposeIsaPolicy(document: $d, reason: "test") { version status proposedBy } }';
    const codeOf = (result: Awaited<ReturnType<typeof run>>) => result.errors?.[0]?.extensions?.code;

    beforeAll(async () => {
      schema = await buildSchema({ resolvers: policyResolvers, validate: false });
    });

    it('refuses a triage officer FORBIDDEN and an anonymous caller UNAUTHENTICATED', async () => {
      const d = JSON.stringify(nextVersion('2026-12-06.1'));
      expect(codeOf(await run(user('mash-triage'), propose, { d }))).toBe('FORBIDDEN');
      expect(codeOf(await run(null, propose, { d }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await run(user('mash-manager'), '{ isaPolicyVersions { version } }'))).toBe('FORBIDDEN');
      expect(await store.find('2026-12-06.1')).toBeNull();
    });

    it('lets governance propose and activate, naming the bad path of an invalid document', async () => {
      const broken = await run(user('governance'), propose, { d: JSON.stringify({ ...nextVersion('2026-12-07.1'), version: undefined }) });
      expect(codeOf(broken)).toBe('BAD_USER_INPUT');
      expect(broken.errors?.[0]?.message).toContain('/version is required');
      expect(codeOf(await run(user('governance'), propose, { d: '{not json' }))).toBe('BAD_USER_INPUT');

      const ok = await run(user('governance'), propose, { d: JSON.stringify(nextVersion('2026-12-07.1')) });
      expect(ok).toEqual({ data: { proposeIsaPolicy: { version: '2026-12-07.1', status: 'DRAFT', proposedBy: 'governance-1' } } });
      const activated = await run(user('governance', 2), 'mutation { activateIsaPolicy(version: "2026-12-07.1", reason: "ok") { status activatedBy } }');
      expect(activated.data).toEqual({ activateIsaPolicy: { status: 'ACTIVE', activatedBy: 'governance-2' } });
    });

    it('lets a MASH manager read the policy in force and its access matrix', async () => {
      const result = await run(user('mash-manager'), '{ isaPolicy { version status } accessMatrix { role agency rag allowed rule lawfulBasis obligations } }');
      expect(result.errors).toBeUndefined();
      const data = result.data as { isaPolicy: { version: string }; accessMatrix: unknown[] };
      expect(data.isaPolicy).toEqual({ version: '2026-12-07.1', status: 'ACTIVE' });
      expect(data.accessMatrix).toHaveLength(48);
      const old = await run(user('governance'), '{ accessMatrix(version: "2026-11-01.5") { allowed } }');
      expect((old.data as { accessMatrix: { allowed: boolean }[] }).accessMatrix.filter((row) => row.allowed)).toHaveLength(16);
    });
  });

  it('fails closed when the stored active document is invalid or altered', async () => {
    const invalid = { ...nextVersion('2026-12-08.1'), rules: [] };
    const insert = (version: string, document: unknown, hash: string) =>
      ds.query(
        `INSERT INTO isa_policy_version (version, document, document_hash, status, proposed_by, reason) VALUES ($1, $2, $3, 'DRAFT', 'dba', 'bypass')`,
        [version, JSON.stringify(document), hash],
      );
    const forceActive = async (version: string) => {
      await ds.query(`UPDATE isa_policy_version SET status = 'RETIRED', retired_by = 'dba', retired_at = now() WHERE status = 'ACTIVE'`);
      await ds.query(
        `UPDATE isa_policy_version SET status = 'ACTIVE', activated_by = 'dba-2', activated_at = now(), activation_reason = 'bypass', approvers_needed = 1, widening = '[]' WHERE version = $1`,
        [version],
      );
    };
    await insert('2026-12-08.1', invalid, canonicalHash(invalid));
    await forceActive('2026-12-08.1');
    expect(await store.active()).toBeNull();
    expect(await store.activeVersion()).toBeNull();
    expect(accessMatrix(await store.active()).every((row) => !row.allowed)).toBe(true);

    const altered = nextVersion('2026-12-09.1');
    await insert('2026-12-09.1', altered, canonicalHash(nextVersion('2026-12-09.1', (d) => (d.closedCaseWindowHours = 1))));
    await forceActive('2026-12-09.1');
    expect(await store.active()).toBeNull();
  });

  it('loads a version stored before ratingControl and caseRegister existed, with their defaults', async () => {
    const legacy = nextVersion('2026-12-10.1') as Partial<PolicyDocument>;
    delete legacy.ratingControl;
    delete legacy.caseRegister;
    await ds.query(
      `INSERT INTO isa_policy_version (version, document, document_hash, status, proposed_by, reason) VALUES ($1, $2, $3, 'DRAFT', 'legacy', 'stored by an older gateway')`,
      ['2026-12-10.1', JSON.stringify(legacy), canonicalHash(legacy)],
    );
    await ds.query(`UPDATE isa_policy_version SET status = 'RETIRED', retired_by = 'dba', retired_at = now() WHERE status = 'ACTIVE'`);
    await ds.query(`UPDATE isa_policy_version SET status = 'ACTIVE', activated_by = 'dba', activated_at = now(), activation_reason = 'legacy', approvers_needed = 1, widening = '[]' WHERE version = '2026-12-10.1'`);
    const active = await store.active();
    expect(active?.version).toBe('2026-12-10.1');
    expect(active?.ratingControl).toEqual(DEFAULT_POLICY.ratingControl);
    expect(active?.caseRegister).toEqual(DEFAULT_POLICY.caseRegister);
  });

  it('migrates down and up again, and two gateways starting at once seed the default once', async () => {
    await ds.undoLastMigration();
    // Maker-checker undone: drafts are PROPOSED again, approvals gone.
    expect(await ds.query(`SELECT to_regclass('isa_policy_approval') AS t`)).toEqual([{ t: null }]);
    expect((await ds.query(`SELECT DISTINCT status FROM isa_policy_version ORDER BY status`)).map((row: { status: string }) => row.status)).toEqual(['ACTIVE', 'PROPOSED', 'RETIRED']);
    await ds.undoLastMigration();
    expect(await ds.query(`SELECT to_regclass('isa_policy_version') AS t`)).toEqual([{ t: null }]);
    await ds.runMigrations();
    const other = new PolicyStore({ dataSource: ds, onChange: async () => {} });
    expect((await Promise.all([store.ensureDefault('a'), other.ensureDefault('b')])).sort()).toEqual([false, true]);
    expect(await store.history()).toHaveLength(1);
  });
});
