import { orphanedContexts } from './orphaned-contexts';
import { component, edges } from './testing/graph.fixtures';

describe('orphanedContexts', () => {
  it('reports a context without stories that nothing story-linked reaches', () => {
    const components = [
      component('Shop', { kind: 'context', storyCount: 1 }),
      component('Reports', { kind: 'context' }),
      component('Sync', { kind: 'coordination_context' }),
    ];
    expect(orphanedContexts(components, [])).toEqual(['Reports', 'Sync']);
  });

  it('does not report a context with stories of its own', () => {
    expect(orphanedContexts([component('Shop', { kind: 'context', storyCount: 1 })], [])).toEqual([]);
  });

  it('does not report a context reached through dependencies, at any depth', () => {
    const components = [
      component('UI', { kind: 'ui', storyCount: 1 }),
      component('Checkout', { kind: 'context' }),
      component('Payments', { kind: 'context' }),
    ];
    expect(orphanedContexts(components, edges('UI>Checkout', 'Checkout>Payments'))).toEqual([]);
    expect(orphanedContexts(components, edges('UI>Checkout'))).toEqual(['Payments']);
  });

  it('does not report a context whose child has stories or is reached', () => {
    const components = [
      component('Shop', { kind: 'context' }),
      component('Cart', { parentId: 'Shop', storyCount: 1 }),
      component('Billing', { kind: 'context' }),
      component('Invoice', { parentId: 'Billing', kind: 'schema' }),
      component('Admin', { kind: 'context' }),
      component('AdminPanel', { parentId: 'Admin', kind: 'ui' }),
    ];
    expect(orphanedContexts(components, edges('Cart>Invoice'))).toEqual(['Admin']);
  });

  it('counts grandchildren (a context inside a context)', () => {
    const components = [
      component('Outer', { kind: 'context' }),
      component('Inner', { kind: 'context', parentId: 'Outer' }),
      component('Leaf', { parentId: 'Inner', storyCount: 2 }),
    ];
    expect(orphanedContexts(components, [])).toEqual([]);
  });

  it('is not reached by a dependency pointing at a story-linked component', () => {
    const components = [
      component('UI', { kind: 'ui', storyCount: 1 }),
      component('Shop', { kind: 'context' }),
    ];
    expect(orphanedContexts(components, edges('Shop>UI'))).toEqual(['Shop']);
  });

  it('never reports other kinds, and sorts by name then id', () => {
    const components = [
      component('z', { name: 'B', kind: 'context' }),
      component('y', { name: 'A', kind: 'context' }),
      component('m', { name: 'Module' }),
    ];
    expect(orphanedContexts(components, [])).toEqual(['y', 'z']);
  });

  it('survives a parent cycle in bad data', () => {
    const components = [
      component('A', { kind: 'context', parentId: 'B' }),
      component('B', { kind: 'context', parentId: 'A' }),
    ];
    expect(orphanedContexts(components, [])).toEqual(['A', 'B']);
  });
});
