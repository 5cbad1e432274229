import type { GrantClaims } from '../../grant-claims';
import { INVALID_REPRESENTATION, requestedRootFields, unboundSubjects, uncoveredSubjects } from '../coverage';
import { subjectDigest, SUBJECT_DIGEST_FIELDS } from '../subject-digest';
import { POLICE_GRANT, POLICE_REPRESENTATIONS } from './fixtures';

const grant: GrantClaims = { ...POLICE_GRANT, grantId: 'grant-1' };
const ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { police { status } } } }';
const subject = (id: string) => ({ __typename: 'Subject', id, familyName: 'Smith' });

describe('requestedRootFields', () => {
  test.each([
    ['plain fields', '{ _entities(representations: []) { __typename } _service { sdl } }', ['_entities', '_service']],
    ['aliases give the real field', '{ harmless: _service { sdl } }', ['_service']],
    ['named fragments', 'query { ...Root } fragment Root on Query { ...Deeper } fragment Deeper on Query { _service { sdl } }', ['_service']],
    ['inline fragments', '{ ... on Query { __schema { types { name } } } }', ['__schema']],
    ['introspection by type', '{ __type(name: "Subject") { name } }', ['__type']],
    ['repeats once', '{ a: _entities(representations: []) { __typename } b: _entities(representations: []) { __typename } }', ['_entities']],
  ])('%s', (_name, query, expected) => {
    expect(requestedRootFields({ query })).toEqual(expected);
  });

  test('the operation named in operationName is the one read', () => {
    const query = 'query A { policeDisclosures { id } } query B { _service { sdl } }';
    expect(requestedRootFields({ query, operationName: 'B' })).toEqual(['_service']);
    expect(requestedRootFields({ query })).toBeNull();
    expect(requestedRootFields({ query, operationName: 'C' })).toBeNull();
  });

  test.each([
    ['no body', undefined],
    ['a batch', [{ query: '{ _service { sdl } }' }]],
    ['no query (a persisted-query hash only)', { extensions: { persistedQuery: { sha256Hash: 'abc' } } }],
    ['unparseable', { query: '{ _entities(' }],
    ['a mutation', { query: 'mutation { _entities(representations: []) { __typename } }' }],
    ['an unknown fragment', { query: '{ ...Missing }' }],
  ])('%s is unreadable', (_name, body) => {
    expect(requestedRootFields(body)).toBeNull();
  });
});

describe('uncoveredSubjects', () => {
  test('covered representations leave nothing uncovered', () => {
    expect(uncoveredSubjects(grant, { query: ENTITIES, variables: { representations: [subject('subject-1'), subject('subject-2')] } })).toEqual([]);
  });

  test('a subject outside the grant is reported once', () => {
    const representations = [subject('subject-1'), subject('subject-9'), subject('subject-9')];
    expect(uncoveredSubjects(grant, { query: ENTITIES, variables: { representations } })).toEqual(['subject-9']);
  });

  test('representations under another variable name or inline are still checked', () => {
    const renamed = 'query($r: [_Any!]!) { x: _entities(representations: $r) { __typename } }';
    expect(uncoveredSubjects(grant, { query: renamed, variables: { r: [subject('subject-9')] } })).toEqual(['subject-9']);
    const inline = '{ _entities(representations: [{ __typename: "Subject", id: "subject-8" }]) { __typename } }';
    expect(uncoveredSubjects(grant, { query: inline })).toEqual(['subject-8']);
  });

  test('every aliased _entities field is checked, including those inside fragments', () => {
    const query = `query($a: [_Any!]!, $b: [_Any!]!) {
      a: _entities(representations: $a) { __typename } ...More
    } fragment More on Query { b: _entities(representations: $b) { __typename } }`;
    expect(uncoveredSubjects(grant, { query, variables: { a: [subject('subject-1')], b: [subject('subject-7')] } })).toEqual(['subject-7']);
  });

  test('anything but a Subject with an id, or unreadable representations, is never covered', () => {
    const cases: unknown[] = [
      { query: ENTITIES, variables: { representations: [{ __typename: 'Incident', id: 'subject-1' }] } },
      { query: ENTITIES, variables: { representations: [{ __typename: 'Subject' }] } },
      { query: ENTITIES, variables: {} },
      { query: ENTITIES, variables: { representations: subject('subject-1') } },
      { query: '{ _entities { __typename } }' },
      { query: 'not graphql' },
    ];
    for (const body of cases) expect(uncoveredSubjects(grant, body)).toEqual([INVALID_REPRESENTATION]);
  });
});

describe('unboundSubjects: each representation exactly as the grant digests it', () => {
  const body = (representations: unknown[]) => ({ query: ENTITIES, variables: { representations } });
  const [amira, tobi] = POLICE_REPRESENTATIONS;

  test('the representations the grant was minted for are bound', () => {
    expect(unboundSubjects(grant, body([amira, tobi]))).toEqual([]);
  });

  test("the same id with another person's name and date of birth is not", () => {
    const swapped = { ...amira, givenName: tobi.givenName, dateOfBirth: tobi.dateOfBirth };
    expect(unboundSubjects(grant, body([swapped, tobi]))).toEqual(['subject-1']);
  });

  test.each(SUBJECT_DIGEST_FIELDS.filter((field) => field !== 'id'))('a change to %s alone unbinds it', (field) => {
    expect(unboundSubjects(grant, body([{ ...amira, [field]: 'changed' }]))).toEqual(['subject-1']);
  });

  test('an absent field and a null one are the same to the agency, and to the digest; __typename and key order do not count', () => {
    const { upn: _upn, pncId: _pnc, ...withoutNulls } = amira;
    expect(unboundSubjects(grant, body([withoutNulls]))).toEqual([]);
    const reordered = Object.fromEntries(Object.entries(amira).reverse());
    expect(subjectDigest(reordered)).toBe(subjectDigest(amira));
  });

  test('a grant without digests binds nobody', () => {
    expect(unboundSubjects({ ...grant, subjectDigests: undefined }, body([amira]))).toEqual(['subject-1']);
    expect(unboundSubjects({ ...grant, subjectDigests: { constructor: 'x' } }, body([{ ...amira, id: 'constructor' }]))).toEqual(['constructor']);
  });
});
