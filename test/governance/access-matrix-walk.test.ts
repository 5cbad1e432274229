import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType, isInterfaceType, type GraphQLSchema } from 'graphql';
import { AGENCIES, agencyFieldName, type AgencyName } from '@mash/shared';
import { accessMatrix, supergraphFields, type AccessMatrixEntry, type MatrixCaseStatus, type MatrixRag } from '@mash/gateway/dist/policy/access-matrix';
import type { ClassifiedField } from '@mash/gateway/dist/policy/classified-fields';
import { DEFAULT_POLICY } from '@mash/gateway/dist/policy';
import { startFederation, type Federation } from '../support/federation';

/**
 * Issue 12: "the matrix printed for the default policy equals what the enforcement point does,
 * cell by cell". Every cell (role x agency x rating x case status x level) is walked through the
 * real gateway: one case per rating and status, its one subject a person all four agencies know,
 * read by a user of each role asking each agency for one field of every level it has. Allowed:
 * the field arrives with no ISA_DENIED on its path. Not allowed: ISA_DENIED on the agency field
 * (fetch refused) or on the field's own path (level withheld), carrying the matrix's rule. The
 * access log's AGENCY_FETCH entries carry the matrix's fetch rule.
 */
const SUPERGRAPH = path.resolve(__dirname, '../../gateway/supergraph.graphql');
const RAGS: MatrixRag[] = ['RED', 'AMBER', 'GREEN', 'UNRATED'];
const STATUSES: MatrixCaseStatus[] = ['OPEN', 'CLOSED_WITHIN_WINDOW', 'CLOSED_AFTER_WINDOW'];
const WALKED_ROLES = ['mash-triage', 'mash-manager', 'governance'] as const;
const OUTCOMES: Record<string, string> = { RED: 'STRATEGY_DISCUSSION', AMBER: 'ASSESSMENT', GREEN: 'SIGNPOST' };
const SUBJECT_FIELDS = ['householdRole', 'givenName', 'familyName', 'dateOfBirth', 'gender', 'addressLine', 'postcode', 'nhsNumber', 'upn', 'pncId'];

interface WalkCase {
  alias: string;
  rag: MatrixRag;
  status: MatrixCaseStatus;
  id: string;
  reference: string;
}

/**
 * One field per agency and level, the shallowest whose enclosing fields are all BASIC_IDENTITY
 * (so a withheld level shows on the field's own path), the agency field itself left out.
 */
function probeFields(fields: readonly ClassifiedField[]): ClassifiedField[] {
  const chosen = new Map<string, ClassifiedField>();
  for (const field of fields) {
    if (field.typeName === 'Subject' || !field.ancestors.every((level) => level === 'BASIC_IDENTITY')) continue;
    const key = `${field.agency}/${field.level}`;
    const known = chosen.get(key);
    if (!known || field.path.split('.').length < known.path.split('.').length) chosen.set(key, field);
  }
  return [...chosen.values()];
}

/** The selection set reading `paths` under Subject: nested, an object-typed leaf as `{ __typename }`. */
function selection(schema: GraphQLSchema, paths: string[]): string {
  interface Node { children: Map<string, Node>; object: boolean }
  const root: Node = { children: new Map(), object: true };
  for (const dotted of paths) {
    let node = root;
    let type = schema.getType('Subject');
    for (const name of dotted.split('.')) {
      if (!isObjectType(type) && !isInterfaceType(type)) throw new Error(`no type under ${dotted}`);
      const next = getNamedType(type.getFields()[name].type);
      const child = node.children.get(name) ?? { children: new Map(), object: isObjectType(next) || isInterfaceType(next) };
      node.children.set(name, child);
      node = child;
      type = next;
    }
  }
  const print = (node: Node): string =>
    [...node.children].map(([name, child]) => (child.object ? `${name} { __typename ${print(child)} }` : name)).join(' ');
  return print(root);
}

/** The places `path` reaches under `subject` (through every item of a list): whether each answered it, and with what. */
function answersAt(subject: any, path: string): { answered: boolean; value: unknown }[] {
  const parts = path.split('.');
  let parents: any[] = [subject];
  for (const part of parts.slice(0, -1)) parents = parents.flatMap((parent) => parent?.[part] ?? []).flat();
  const last = parts[parts.length - 1];
  return parents.filter((parent) => parent && typeof parent === 'object').map((parent) => ({ answered: last in parent, value: parent[last] }));
}

/** An error's path without list indices and its alias, e.g. `police.matches.record.warningMarkers`. */
const fieldPathOf = (error: any): string => error.path.slice(2).filter((part: unknown) => typeof part === 'string').join('.');

describe('the access matrix, walked through the gateway cell by cell', () => {
  let federation: Federation;
  let schema: GraphQLSchema;
  let matrix: AccessMatrixEntry[];
  let probes: ClassifiedField[];
  const cases: WalkCase[] = [];
  const tokens: Record<string, string> = {};
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await federation.query(query, variables, tokens[who]);
    return body;
  };
  const ok = (body: { errors?: unknown[]; data?: any }) => {
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    // One request per role reads all twelve cases: more than a triage officer's request may cost
    // (MASH_MAX_COST, tokens), so the walk's gateway allows it; the enforcement is the same.
    federation = await startFederation({ agencyTimeoutMs: 20_000, limits: { maxCost: 100_000, maxTokens: 20_000 } });
    schema = buildSchema(fs.readFileSync(SUPERGRAPH, 'utf8'), { assumeValidSDL: true });
    const fields = supergraphFields(SUPERGRAPH);
    matrix = accessMatrix(DEFAULT_POLICY, { fields });
    probes = probeFields(fields);
    const users: [string, string, AgencyName?][] = [
      ['mash-triage', 'walk-triage'], ['mash-manager', 'walk-manager'], ['governance', 'walk-governance'], ['agency-admin', 'walk-admin', 'police'],
      ['governance', 'gov-proposer'], ['governance', 'gov-approver'], ['governance', 'gov-activator'],
    ];
    for (const [role, sub, agency] of users) tokens[sub] = await federation.token({ role: role as 'mash-triage', sub, ...(agency ? { agency } : {}) });

    // A person all four agencies know: a subject of the demo RED case every agency MATCHES.
    const listed = ok(await gql('walk-triage', '{ cases { id rag } }')).cases;
    const red = listed.find((item: any) => item.rag === 'RED');
    const views = AGENCIES.map((agency) => `${agencyFieldName(agency)} { status }`).join(' ');
    const demo = ok(await gql('walk-triage', `query($id: ID!) { case(id: $id) { subjects { ${SUBJECT_FIELDS.join(' ')} ${views} } } }`, { id: red.id }));
    const known = demo.case.subjects.find((subject: any) => AGENCIES.every((agency) => subject[agencyFieldName(agency)].status === 'MATCHED'));
    expect(known).toBeDefined();
    const subject = Object.fromEntries(SUBJECT_FIELDS.filter((name) => known[name] !== null).map((name) => [name, known[name]]));

    // One case per rating and status, received and rated by a manager: a manager's own rating
    // is confirmed (ratingControl.confirmedWhenRatedBy), the case facts the matrix assumes.
    for (const rag of RAGS) {
      for (const status of STATUSES) {
        const input = { referrerName: 'Access matrix walk', concern: `Walk ${rag} ${status}`, ...(rag !== 'UNRATED' ? { rag, ragRationale: 'Walking the access matrix' } : {}), subjects: [subject] };
        const received = ok(await gql('walk-manager', 'mutation($input: ReferralInput!) { receiveReferral(input: $input) { id reference ratingConfirmation } }', { input })).receiveReferral;
        expect(received.ratingConfirmation).toBe(rag === 'UNRATED' ? null : rag === 'GREEN' ? 'NOT_NEEDED' : 'CONFIRMED');
        cases.push({ alias: `c${cases.length}`, rag, status, id: received.id, reference: received.reference });
      }
    }
    const now = new Date().toISOString();
    for (const item of cases.filter((walk) => walk.status !== 'OPEN')) {
      if (item.rag === 'UNRATED') {
        // The hub closes only a decided case and decides only a rated one, so an unrated closed
        // case exists only as older data; the matrix still has its cells, and they must hold.
        await federation.hub.dataSource.query(
          `UPDATE mash_case SET status = 'CLOSED', stage = 'CLOSED', closed_at = now(), feedback_withheld_reason = 'REFERRER_UNREACHABLE' WHERE id = $1`,
          [item.id],
        );
        continue;
      }
      const decision = {
        caseId: item.id, outcome: OUTCOMES[item.rag], rationale: 'Walk', feedbackToReferrer: 'Thank you; the MASH has decided',
        ...(item.rag === 'RED' ? { strategyDiscussionAt: now, strategyDiscussionAttendees: ['police', 'social-care'] } : {}),
      };
      const closed = ok(await gql('walk-manager', 'mutation($input: DecisionInput!) { recordDecision(input: $input) { status } }', { input: decision }));
      expect(closed.recordDecision.status).toBe('CLOSED');
    }
    // Closed longer ago than closedCaseWindowHours: a test cannot wait three days, so the closing
    // time is moved back in the hub's database, a day past the window (as the matrix assumes).
    const after = cases.filter((item) => item.status === 'CLOSED_AFTER_WINDOW').map((item) => item.id);
    await federation.hub.dataSource.query(
      `UPDATE mash_case SET closed_at = now() - make_interval(hours => $2) WHERE id = ANY($1)`,
      [after, DEFAULT_POLICY.closedCaseWindowHours + 24],
    );

    // Governance reads cases pseudonymised, so its requests would stop at the hub (FORBIDDEN on
    // subjects) before any agency is asked. A named review of these cases lets the agency fetch
    // reach the enforcement point, which must then refuse it as the matrix says. The review
    // changes only caseRegister, which no matrix cell depends on (checked below).
    const reviewed = structuredClone(DEFAULT_POLICY);
    reviewed.version = `${DEFAULT_POLICY.version}-walk`;
    reviewed.caseRegister.namedReviews = [{ id: 'matrix-walk', description: 'The access matrix walk', roles: ['governance'], caseReferences: cases.map((item) => item.reference), until: '2099-12-31' }];
    ok(await gql('gov-proposer', 'mutation($d: String!) { proposeIsaPolicy(document: $d, reason: "matrix walk") { version } }', { d: JSON.stringify(reviewed) }));
    ok(await gql('gov-approver', `mutation { approveIsaPolicy(version: "${reviewed.version}", reason: "matrix walk") { version } }`));
    ok(await gql('gov-activator', `mutation { activateIsaPolicy(version: "${reviewed.version}", reason: "matrix walk") { status } }`));
    const strip = (rows: AccessMatrixEntry[]) => rows.map(({ reason: _r, levels, ...row }) => ({ ...row, levels: levels.map(({ reason: _l, ...level }) => level) }));
    expect(strip(accessMatrix(reviewed, { fields }))).toEqual(strip(matrix));
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the active policy is cached for 5 s
  });
  afterAll(() => federation?.stop());

  it('covers every agency and level the supergraph classifies', () => {
    const classified = new Set(supergraphFields(SUPERGRAPH).map((field) => `${field.agency}/${field.level}`));
    expect(new Set(probes.map((field) => `${field.agency}/${field.level}`))).toEqual(classified);
    expect(cases).toHaveLength(RAGS.length * STATUSES.length);
  });

  it.each(WALKED_ROLES)('enforces for %s exactly what the matrix says, cell by cell, and audits the fetch rule', async (role) => {
    const who = { 'mash-triage': 'walk-triage', 'mash-manager': 'walk-manager', governance: 'walk-governance' }[role];
    const read = selection(schema, probes.map((field) => field.path));
    const query = `{ ${cases.map((item) => `${item.alias}: case(id: "${item.id}") { id subjects { id ${read} } }`).join(' ')} }`;
    const body = await gql(who, query);
    const errors: any[] = body.errors ?? [];
    // Nothing but ISA_DENIED: any other error would make a cell pass or fail for the wrong reason.
    expect(errors.filter((error) => error.extensions?.code !== 'ISA_DENIED')).toEqual([]);
    const seen = { refused: 0, released: 0, withheld: 0 };
    for (const item of cases) {
      const [subject] = body.data[item.alias].subjects;
      const denied = errors.filter((error) => error.path[0] === item.alias);
      for (const agency of AGENCIES) {
        const row = matrix.find((entry) => entry.role === role && entry.agency === agency && entry.rag === item.rag && entry.caseStatus === item.status)!;
        const root = agencyFieldName(agency);
        // A refused fetch is reported on the subject (or the agency field), naming the agency.
        const onRoot = denied.filter((error) => error.extensions.agency === agency && ['', root].includes(fieldPathOf(error)));
        const where = `${role} ${agency} ${item.rag} ${item.status}`;
        if (!row.allowed) {
          expect({ where, value: subject[root], rules: onRoot.map((error) => error.extensions.rule) }).toEqual({ where, value: null, rules: [row.rule] });
          expect(onRoot[0].message).toContain(`rule ${row.rule}`);
        } else {
          expect({ where, value: subject[root] === null, onRoot: onRoot.length }).toEqual({ where, value: false, onRoot: 0 });
        }
        for (const probe of probes.filter((field) => field.agency === agency)) {
          const level = row.levels.find((entry) => entry.level === probe.level)!;
          expect(level.fields).toContain(probe.path);
          if (!row.allowed) {
            seen.refused += 1; // the whole agency field is refused above, with the fetch rule
            continue;
          }
          const onField = denied.filter((error) => fieldPathOf(error) === probe.path);
          if (level.allowed && !level.withheldWithin.includes(probe.path)) {
            expect({ where, field: probe.path, denied: onField.map((error) => error.message) }).toEqual({ where, field: probe.path, denied: [] });
            // Answered by the agency wherever it is reached (its value may be null or empty: no such record).
            expect(answersAt(subject, probe.path).every((place) => place.answered)).toBe(true);
            seen.released += 1;
          } else {
            seen.withheld += 1;
            const places = answersAt(subject, probe.path);
            expect({ where, field: probe.path, places: places.length > 0, values: places.every((place) => place.value === null) }).toEqual({ where, field: probe.path, places: true, values: true });
            expect({ where, field: probe.path, rules: [...new Set(onField.map((error) => error.extensions.rule))] }).toEqual({ where, field: probe.path, rules: [level.rule] });
          }
        }
      }
    }
    expect(seen.refused + seen.released + seen.withheld).toBe(cases.length * probes.length);
    // Triage roles meet all three outcomes; governance only refusals.
    if (role === 'governance') expect(seen.released + seen.withheld).toBe(0);
    else expect(Math.min(seen.refused, seen.released, seen.withheld)).toBeGreaterThan(0);

    // One AGENCY_FETCH entry per case and agency, with the matrix's fetch decision and rule.
    const entries = await federation.hub.dataSource.query(
      `SELECT case_id, agency, decision, rule FROM audit_log WHERE kind = 'AGENCY_FETCH' AND actor_id = $1 AND case_id = ANY($2)`,
      [who, cases.map((item) => item.id)],
    );
    expect(entries).toHaveLength(cases.length * AGENCIES.length);
    for (const entry of entries) {
      const item = cases.find((walk) => walk.id === entry.case_id)!;
      const row = matrix.find((candidate) => candidate.role === role && candidate.agency === entry.agency && candidate.rag === item.rag && candidate.caseStatus === item.status)!;
      expect({ at: `${entry.agency} ${item.rag} ${item.status}`, decision: entry.decision, rule: entry.rule }).toEqual({
        at: `${entry.agency} ${item.rag} ${item.status}`,
        decision: row.allowed ? 'ALLOWED' : 'DENIED',
        rule: row.rule,
      });
    }
  });

  it('refuses agency-admin before any agency is asked, as every one of its cells says', async () => {
    expect(matrix.filter((row) => row.role === 'agency-admin').every((row) => !row.allowed && row.levels.every((level) => !level.allowed))).toBe(true);
    const before = AGENCIES.map((agency) => federation.agencies[agency].requests);
    const read = selection(schema, probes.map((field) => field.path));
    const body = await gql('walk-admin', `{ ${cases.map((item) => `${item.alias}: case(id: "${item.id}") { subjects { id ${read} } }`).join(' ')} }`);
    // Agency administrators read their own agency's disclosure log, never cases (CASE_READERS).
    expect(body.errors).toHaveLength(cases.length);
    expect(body.errors.every((error: any) => error.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(Object.values(body.data ?? {}).every((value) => value === null)).toBe(true);
    expect(AGENCIES.map((agency) => federation.agencies[agency].requests)).toEqual(before);
    const [{ count }] = await federation.hub.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE kind = 'AGENCY_FETCH' AND actor_id = 'walk-admin'`);
    expect(count).toBe(0);
  });
});
