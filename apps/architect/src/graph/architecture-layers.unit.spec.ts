import { architectureLayers } from './architecture-layers';
import { component, edges } from './testing/graph.fixtures';

describe('architectureLayers', () => {
  it('is empty without entry points', () => {
    expect(architectureLayers([component('A'), component('B')], edges('A>B'))).toEqual([]);
  });

  it('puts the components with stories in layer 0, then their dependencies by depth', () => {
    const components = [
      component('UI', { kind: 'ui', storyCount: 2 }),
      component('Checkout', { kind: 'context' }),
      component('Payments', { kind: 'context' }),
      component('Ledger', { kind: 'schema' }),
    ];
    expect(
      architectureLayers(components, edges('UI>Checkout', 'Checkout>Payments', 'Payments>Ledger')),
    ).toEqual([['UI'], ['Checkout'], ['Payments'], ['Ledger']]);
  });

  it('uses the shortest distance from any entry point', () => {
    // D is 1 step from B (an entry point) and 3 steps from A: layer 1.
    const components = [
      component('A', { storyCount: 1 }),
      component('B', { storyCount: 1 }),
      component('C'),
      component('D'),
      component('E'),
    ];
    expect(architectureLayers(components, edges('A>C', 'C>E', 'E>D', 'B>D'))).toEqual([
      ['A', 'B'],
      ['C', 'D'],
      ['E'],
    ]);
  });

  it('keeps an entry point that another entry point depends on in layer 0', () => {
    const components = [component('A', { storyCount: 1 }), component('B', { storyCount: 3 })];
    expect(architectureLayers(components, edges('A>B'))).toEqual([['A', 'B']]);
  });

  it('leaves out unreachable components and ignores unknown ids and cycles', () => {
    const components = [
      component('A', { storyCount: 1 }),
      component('B'),
      component('Lonely'),
      component('C'),
    ];
    expect(architectureLayers(components, edges('A>B', 'B>A', 'B>Ghost', 'Ghost>C', 'Lonely>A'))).toEqual([
      ['A'],
      ['B'],
    ]);
  });

  it('sorts each layer by name, then id, whatever the input order', () => {
    const components = [
      component('3', { name: 'Zed', storyCount: 1 }),
      component('2', { name: 'Alpha', storyCount: 1 }),
      component('1', { name: 'Alpha', storyCount: 1 }),
    ];
    expect(architectureLayers(components, [])).toEqual([['1', '2', '3']]);
    expect(architectureLayers([...components].reverse(), [])).toEqual([['1', '2', '3']]);
  });
});
