import { Kind, buildSchema, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { armorProtection } from '../armor';
import { DEFAULT_LIMITS } from '../limits';
import { estimateCost } from '../query-cost';

const schema = buildSchema(`
  type Query { case(id: ID!): Case cases(limit: Int! = 50): [Case!]! auditChain: Report! accessLog(limit: Int! = 100): [Entry!]! policeDisclosures(limit: Int! = 50): [Entry!]! }
  type Case { id: ID! reference: String! subjects: [Subject!] ragHistory: [Rating!]! }
  type Subject { id: ID! givenName: String police: View health: View socialCare: View education: View }
  type View { status: String matches: [Match!]! }
  type Match { confidence: Float record: Record }
  type Record { id: ID! nested: Record }
  type Rating { rag: String }
  type Report { ok: Boolean }
  type Entry { id: ID }
`);
const model = { agencyFieldCost: 100, subjectsPerCase: 5 };

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return estimateCost(schema, operation, fragments, variables, model);
}

describe('estimateCost', () => {
  it('makes an agency field on Subject cost far more than the hub fields around it', () => {
    expect(cost('{ case(id: "x") { reference subjects { givenName } } }')).toBe(2);
    expect(cost('{ case(id: "x") { subjects { police { status matches { record { id } } } } } }')).toBe(2 + 5 * 100);
    expect(cost('{ case(id: "x") { subjects { police { status } health { status } socialCare { status } education { status } } } }')).toBe(2002);
  });

  it('counts every alias, fragment and list size, with variables and defaults', () => {
    const aliased = `{ ${Array.from({ length: 500 }, (_, i) => `c${i}: case(id: "x") { subjects { police { status } } }`).join(' ')} }`;
    expect(cost(aliased)).toBe(500 * (2 + 500));
    expect(cost('query($n: Int!) { cases(limit: $n) { ...C } } fragment C on Case { subjects { ...S } } fragment S on Subject { police { status } }', { n: 10 }))
      .toBe(1 + 10 * (1 + 5 * 100));
    expect(cost('{ cases { subjects { health { status } } } }')).toBe(1 + 50 * 501);
  });

  it('prices the costly governance and agency-admin reads', () => {
    expect(cost('{ a: auditChain { ok } b: auditChain { ok } }')).toBe(4000);
    expect(cost('{ policeDisclosures(limit: 500) { id } }')).toBe(150);
    expect(cost('{ accessLog(limit: 1000) { id } }')).toBe(100);
  });

  it('leaves out what @skip or @include removes, and survives fragment cycles', () => {
    expect(cost('query($s: Boolean!) { case(id: "x") { subjects @skip(if: $s) { police { status } } } }', { s: true })).toBe(1);
    expect(cost('{ case(id: "x") { ...A } } fragment A on Case { reference ...A }')).toBe(1);
  });
});

describe('armorProtection', () => {
  const { validationRules } = armorProtection({ ...DEFAULT_LIMITS, maxDepth: 4, maxDirectives: 2 }, false);
  const refusals = (query: string) => validate(schema, parse(query), validationRules).map((error) => error.extensions);

  it('refuses depth past the limit, counting fragments flat, as BAD_USER_INPUT naming the limit', () => {
    expect(refusals('{ case(id: "x") { subjects { police { status } } } }')).toEqual([]);
    expect(refusals('{ case(id: "x") { subjects { police { matches { confidence } } } } }')).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', limit: 'maxDepth' })]);
    expect(refusals('{ case(id: "x") { ...A } } fragment A on Case { subjects { police { status } } }')).toEqual([]);
  });

  it('refuses too many directives', () => {
    expect(refusals('{ case(id: "x") @include(if: true) { reference @include(if: true) id @include(if: true) } }')).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', limit: 'maxDirectives' }),
    ]);
  });
});
