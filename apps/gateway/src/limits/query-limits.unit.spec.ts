import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { measureOperation } from './query-limits';

function measure(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  return measureOperation(
    document,
    document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode,
    variables,
  );
}

describe('measureOperation', () => {
  it('measures depth and cost, expanding fragments and multiplying by page sizes', () => {
    expect(measure('{ a { b { c } } }')).toEqual({ depth: 3, cost: 3 });
    expect(measure('{ list(first: 50) { x y } }')).toEqual({ depth: 2, cost: 101 });
    expect(measure('query($n: Int) { list(first: $n) { x } }', { n: 7 })).toEqual({ depth: 2, cost: 8 });
    expect(measure('{ a { ...F } } fragment F on A { b { c } }')).toEqual({ depth: 3, cost: 3 });
    expect(measure('{ __typename a { __schema { types { name } } } }').cost).toBe(1);
  });

  it('does not loop on cyclic fragments', () => {
    expect(measure('{ a { ...F } } fragment F on A { b { ...F } }').depth).toBe(2);
  });

  it('sees a deep query as deep', () => {
    const deep = `{ ${'a { '.repeat(20)}b${' }'.repeat(20)} }`;
    expect(measure(deep).depth).toBe(21);
  });
});
