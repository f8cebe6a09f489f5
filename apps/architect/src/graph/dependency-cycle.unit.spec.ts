import { DomainError, NotFoundError, ValidationError } from '@app/domain';
import fc from 'fast-check';
import type { GraphDependency } from './dependency-graph';
import { findCycle, findCycleIfAdded, validateNewDependency } from './dependency-cycle';
import { component, edges } from './testing/graph.fixtures';

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('findCycleIfAdded', () => {
  it('is null when no cycle would close', () => {
    expect(findCycleIfAdded([], 'A', 'B')).toBeNull();
    expect(findCycleIfAdded(edges('A>B', 'B>C'), 'A', 'C')).toBeNull();
    expect(findCycleIfAdded(edges('A>B', 'C>A'), 'B', 'D')).toBeNull();
  });

  it('reports a self-dependency as [A, A]', () => {
    expect(findCycleIfAdded([], 'A', 'A')).toEqual(['A', 'A']);
  });

  it('reports a two-component cycle', () => {
    expect(findCycleIfAdded(edges('B>A'), 'A', 'B')).toEqual(['A', 'B', 'A']);
  });

  it('reports the full path of a longer cycle, from and back to fromId', () => {
    expect(findCycleIfAdded(edges('B>C', 'C>A'), 'A', 'B')).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycleIfAdded(edges('B>C', 'C>D', 'D>E', 'E>A', 'X>A'), 'A', 'B')).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'A',
    ]);
  });

  it('takes a shortest way back, ties broken by id, whatever the order of the dependencies', () => {
    const deps = edges('B>D', 'D>E', 'E>A', 'B>C', 'C>A', 'B>Z', 'Z>A');
    expect(findCycleIfAdded(deps, 'A', 'B')).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycleIfAdded([...deps].reverse(), 'A', 'B')).toEqual(['A', 'B', 'C', 'A']);
  });

  it('terminates on graphs that already have cycles', () => {
    expect(findCycleIfAdded(edges('B>C', 'C>B', 'C>D'), 'A', 'B')).toBeNull();
    expect(findCycleIfAdded(edges('B>C', 'C>B', 'C>A'), 'A', 'B')).toEqual(['A', 'B', 'C', 'A']);
  });

  describe('against a Floyd–Warshall reference on random graphs', () => {
    const graph = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 24 }),
        from: fc.nat(n - 1),
        to: fc.nat(n - 1),
      }),
    );
    const id = (i: number) => `c${i}`;

    /** dist[i][j]: fewest edges from i to j (Infinity when unreachable; 0 on the diagonal). */
    function shortestDistances(n: number, pairs: [number, number][]): number[][] {
      const dist = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
      );
      for (const [a, b] of pairs) if (a !== b) dist[a][b] = 1;
      for (let k = 0; k < n; k++)
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) dist[i][j] = Math.min(dist[i][j], dist[i][k] + dist[k][j]);
      return dist;
    }

    it('reports a cycle iff `to` reaches `from`, as a real shortest path closing at `from`', () => {
      fc.assert(
        fc.property(graph, ({ n, pairs, from, to }) => {
          const deps: GraphDependency[] = pairs.map(([a, b]) => ({ fromId: id(a), toId: id(b) }));
          const dist = shortestDistances(n, pairs);
          const cycle = findCycleIfAdded(deps, id(from), id(to));
          const reaches = from === to || dist[to][from] < Infinity;
          expect(cycle !== null).toBe(reaches);
          if (!cycle) return;
          expect(cycle[0]).toBe(id(from));
          expect(cycle[1]).toBe(id(to));
          expect(cycle[cycle.length - 1]).toBe(id(from));
          if (from === to) {
            expect(cycle).toEqual([id(from), id(from)]);
            return;
          }
          const edgeSet = new Set(deps.map((d) => `${d.fromId}>${d.toId}`));
          for (let i = 1; i < cycle.length - 1; i++)
            expect(edgeSet.has(`${cycle[i]}>${cycle[i + 1]}`)).toBe(true);
          // The way back is a shortest one and visits no component twice.
          expect(cycle.length - 2).toBe(dist[to][from]);
          expect(new Set(cycle.slice(1)).size).toBe(cycle.length - 1);
        }),
        { numRuns: 500 },
      );
    });

    it('never reports a cycle on an acyclic graph when the new edge goes "downhill"', () => {
      fc.assert(
        fc.property(graph, ({ pairs, from, to }) => {
          // Edges only from lower to higher index: acyclic. Adding lower → higher keeps it acyclic.
          const dag = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ fromId: id(a), toId: id(b) }));
          fc.pre(from < to);
          expect(findCycleIfAdded(dag, id(from), id(to))).toBeNull();
        }),
      );
    });
  });
});

describe('validateNewDependency', () => {
  const components = [
    component('a', { name: 'Checkout' }),
    component('b', { name: 'Payments' }),
    component('c', { name: 'Ledger' }),
    component('d', { name: 'Catalog' }),
  ];

  it('accepts a new dependency that closes no cycle', () => {
    expect(() => validateNewDependency(components, edges('a>b'), 'b', 'c')).not.toThrow();
  });

  it('throws NotFoundError for an unknown component, from first', () => {
    const fromError = thrown(() => validateNewDependency(components, [], 'x', 'y'));
    expect(fromError).toBeInstanceOf(NotFoundError);
    expect((fromError as NotFoundError).message).toBe('component x was not found');
    const toError = thrown(() => validateNewDependency(components, [], 'a', 'y'));
    expect(toError).toBeInstanceOf(NotFoundError);
    expect((toError as NotFoundError).details).toEqual({ id: 'y' });
  });

  it('throws a ValidationError on field toId for a self-dependency', () => {
    const error = thrown(() => validateNewDependency(components, [], 'a', 'a'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      { field: 'toId', message: 'a component cannot depend on itself' },
    ]);
    expect((error as ValidationError).message).toBe('Checkout cannot depend on itself');
  });

  it('throws a ValidationError for a duplicate', () => {
    const error = thrown(() => validateNewDependency(components, edges('a>b'), 'a', 'b'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('Checkout already depends on Payments');
    expect((error as ValidationError).problems[0].field).toBe('toId');
  });

  it('throws DEPENDENCY_CYCLE with the names along the cycle, in order', () => {
    const error = thrown(() => validateNewDependency(components, edges('b>c', 'c>a', 'd>a'), 'a', 'b'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect((error as DomainError).code).toBe('DEPENDENCY_CYCLE');
    expect((error as DomainError).details).toEqual({ cycle: ['Checkout', 'Payments', 'Ledger', 'Checkout'] });
    expect((error as DomainError).message).toBe(
      'Checkout cannot depend on Payments: that would close the cycle Checkout → Payments → Ledger → Checkout',
    );
  });

  it('catches a two-component cycle', () => {
    const error = thrown(() => validateNewDependency(components, edges('b>a'), 'a', 'b'));
    expect((error as DomainError).details).toEqual({ cycle: ['Checkout', 'Payments', 'Checkout'] });
  });
});

describe('findCycle', () => {
  it('finds none in an acyclic graph, and the path of one that is there', () => {
    expect(findCycle(edges('A>B', 'B>C', 'A>C'))).toBeNull();
    expect(findCycle([])).toBeNull();
    expect(findCycle(edges('A>B', 'B>C', 'C>A'))).toEqual(['A', 'B', 'C', 'A']);
    expect(findCycle(edges('X>Y', 'Y>Y'))).toEqual(['Y', 'Y']);
  });
});
