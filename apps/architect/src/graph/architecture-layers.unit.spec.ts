import { architectureLayers } from './architecture-layers';
import { component, edges } from './testing/graph.fixtures';

describe('architectureLayers', () => {
  it('is empty without components that have stories', () => {
    expect(architectureLayers([component('A'), component('B')], edges('A>B'))).toEqual([]);
  });

  it('follows a chain down even when every component of it has stories', () => {
    // Clicks → Store → Slug, each with a story: layers 0, 1, 2 (not three entry points in layer 0).
    const components = [
      component('Clicks', { storyCount: 1 }),
      component('Store', { storyCount: 2 }),
      component('Slug', { storyCount: 1 }),
    ];
    expect(architectureLayers(components, edges('Clicks>Store', 'Store>Slug'))).toEqual([
      ['Clicks'],
      ['Store'],
      ['Slug'],
    ]);
  });

  it('puts what nothing depends on in layer 0, then each dependency deeper', () => {
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

  it('places a component below the deepest component that depends on it (the longest path)', () => {
    // D is depended on by B (layer 0) and by E (layer 2): it goes to layer 3, below E.
    const components = [
      component('A', { storyCount: 1 }),
      component('B', { storyCount: 1 }),
      component('C'),
      component('D'),
      component('E'),
    ];
    const layers = architectureLayers(components, edges('A>C', 'C>E', 'E>D', 'B>D'));
    expect(layers).toEqual([['A', 'B'], ['C'], ['E'], ['D']]);
  });

  it('points every dependency to a later layer', () => {
    const components = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) =>
      component(id, { storyCount: ['A', 'E'].includes(id) ? 1 : i % 2 }),
    );
    const deps = edges('A>B', 'A>D', 'B>C', 'D>C', 'E>F', 'F>C', 'B>D');
    const layerOf = new Map(
      architectureLayers(components, deps).flatMap((layer, i) => layer.map((id) => [id, i])),
    );
    for (const { fromId, toId } of deps) expect(layerOf.get(fromId)!).toBeLessThan(layerOf.get(toId)!);
  });

  it('leaves out unreachable components and ignores unknown ids; a cycle still gets layers', () => {
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
