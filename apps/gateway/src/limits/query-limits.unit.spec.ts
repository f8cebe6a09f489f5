import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import type { QueryLimits } from './query-limits';
import { exceededLimit, measureOperation } from './query-limits';

function operationOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return { document, operation };
}

function measure(query: string, variables?: Record<string, unknown>) {
  const { document, operation } = operationOf(query);
  return measureOperation(document, operation, variables);
}

const LIMITS: QueryLimits = {
  maxDepth: 12,
  maxCost: 10_000,
  maxFragments: 50,
  maxAliases: 50,
  maxDirectives: 50,
};

/** `fragment Fi on Story { ...F(i-1) ...F(i-1) }`, n deep: 2^n leaves from about 1 kB of text. */
function fragmentBomb(n: number): string {
  const fragments = ['fragment F0 on Story { id title }'];
  for (let i = 1; i <= n; i += 1) fragments.push(`fragment F${i} on Story { ...F${i - 1} ...F${i - 1} }`);
  return `query { story(id: "x") { ...F${n} } } ${fragments.join(' ')}`;
}

describe('measureOperation', () => {
  it('measures depth and cost, expanding fragments and multiplying by page sizes', () => {
    expect(measure('{ a { b { c } } }')).toEqual({ depth: 3, cost: 3 });
    expect(measure('{ list(first: 50) { x y } }')).toEqual({ depth: 2, cost: 101 });
    expect(measure('query($n: Int) { list(first: $n) { x } }', { n: 7 })).toEqual({ depth: 2, cost: 8 });
    expect(measure('{ a { ...F } } fragment F on A { b { c } }')).toEqual({ depth: 3, cost: 3 });
    expect(measure('{ a { ... on A { b } } }')).toEqual({ depth: 2, cost: 2 });
    expect(measure('{ __typename a { __schema { types { name } } } }').cost).toBe(1);
  });

  it('does not loop on cyclic fragments', () => {
    expect(measure('{ a { ...F } } fragment F on A { b { ...F } }').depth).toBe(2);
  });

  it('sees a deep query as deep', () => {
    const deep = `{ ${'a { '.repeat(20)}b${' }'.repeat(20)} }`;
    expect(measure(deep).depth).toBe(21);
  });

  it('measures each fragment once: a 1 kB fragment bomb (2^24 leaves) is measured in milliseconds', () => {
    const bomb = fragmentBomb(24);
    expect(bomb.length).toBeLessThan(1_100);
    const started = performance.now();
    const { cost, depth } = measure(bomb);
    expect(performance.now() - started).toBeLessThan(50);
    expect(depth).toBe(2);
    expect(cost).toBe(1 + 2 * 2 ** 24);
  });
});

describe('exceededLimit', () => {
  const check = (query: string, limits: Partial<QueryLimits> = {}) => {
    const { document, operation } = operationOf(query);
    return exceededLimit(document, operation, {}, { ...LIMITS, ...limits });
  };

  it('passes an operation within every limit', () => {
    expect(check('{ a { b } }')).toBeNull();
  });

  it('names the first limit exceeded, with both figures', () => {
    expect(check(fragmentBomb(24))).toEqual({ limit: 'cost', value: expect.any(Number), max: 10_000 });
    expect(check(fragmentBomb(60))).toEqual({ limit: 'fragments', value: 61, max: 50 });
    const aliased = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: story { id }`).join(' ')} }`;
    expect(check(aliased)).toEqual({ limit: 'aliases', value: 51, max: 50 });
    expect(check(`{ a ${'@include(if: true) '.repeat(51)} }`)).toEqual({
      limit: 'directives',
      value: 51,
      max: 50,
    });
    expect(check(`{ ${'a { '.repeat(13)}b${' }'.repeat(13)} }`)).toMatchObject({ limit: 'depth', max: 12 });
    expect(check('{ list(first: 5000) { x y } }')).toMatchObject({ limit: 'cost', max: 10_000 });
  });

  it('stops measuring once a limit is passed', () => {
    const started = performance.now();
    const wide = `{ ${Array.from({ length: 2_000 }, () => 'list(first: 1000) { x }').join(' ')} }`;
    expect(check(wide)).toMatchObject({ limit: 'cost' });
    expect(performance.now() - started).toBeLessThan(200);
  });
});
