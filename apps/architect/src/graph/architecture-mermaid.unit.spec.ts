import { architectureMermaid, mermaidId, mermaidLabel } from './architecture-mermaid';
import { component, edges } from './testing/graph.fixtures';

describe('mermaidId', () => {
  it('prefixes ids and keeps letters and digits', () => {
    expect(mermaidId('abc123')).toBe('c_abc123');
    expect(mermaidId('end')).toBe('c_end');
  });

  it('encodes every other character, one-to-one', () => {
    expect(mermaidId('3f2a-9b')).toBe('c_3f2a_2d_9b');
    expect(mermaidId('a_b')).toBe('c_a_5f_b');
    expect(mermaidId('a-b')).not.toBe(mermaidId('a_b'));
    expect(mermaidId('é')).toBe('c__e9_');
    expect(mermaidId('x y"z')).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('mermaidLabel', () => {
  it('escapes the characters that would end or confuse a label', () => {
    expect(mermaidLabel('Say "hi" #1 <b> & `x`')).toBe('Say #quot;hi#quot; #35;1 #60;b#62; #38; #96;x#96;');
    expect(mermaidLabel('two\r\nlines\nhere')).toBe('two lines here');
    expect(mermaidLabel('Plain Name')).toBe('Plain Name');
  });
});

describe('architectureMermaid', () => {
  const components = [
    component('shop', { name: 'Shop', kind: 'context' }),
    component('cart', { name: 'Cart', kind: 'schema', parentId: 'shop' }),
    component('ui', { name: 'Cart "UI"', kind: 'ui', parentId: 'shop', storyCount: 1 }),
    component('pay', { name: 'Payments', kind: 'coordination_context' }),
    component('gw', { name: 'Gateway', parentId: 'pay' }),
    component('cli', { name: 'CLI', kind: 'task' }),
  ];
  const deps = edges('ui>cart', 'ui>pay', 'cart>gw', 'cli>shop', 'ui>cart', 'ui>ghost');

  it('draws one subgraph per context, its components inside, and the dependencies', () => {
    expect(architectureMermaid(components, deps)).toBe(
      [
        'flowchart TD',
        '  c_cli["CLI"]',
        '  subgraph c_pay ["Payments"]',
        '    c_gw["Gateway"]',
        '  end',
        '  subgraph c_shop ["Shop"]',
        '    c_cart["Cart"]',
        '    c_ui["Cart #quot;UI#quot;"]',
        '  end',
        '  c_cli --> c_shop',
        '  c_cart --> c_gw',
        '  c_ui --> c_cart',
        '  c_ui --> c_pay',
        '',
      ].join('\n'),
    );
  });

  it('is stable whatever the input order', () => {
    expect(architectureMermaid([...components].reverse(), [...deps].reverse())).toBe(
      architectureMermaid(components, deps),
    );
  });

  it('nests contexts and places grandchildren in their nearest context', () => {
    const nested = [
      component('outer', { name: 'Outer', kind: 'context' }),
      component('inner', { name: 'Inner', kind: 'context', parentId: 'outer' }),
      component('mod', { name: 'Mod', parentId: 'inner' }),
      component('sub', { name: 'Sub', kind: 'schema', parentId: 'mod' }),
      component('stray', { name: 'Stray', parentId: 'missing' }),
    ];
    expect(architectureMermaid(nested, [])).toBe(
      [
        'flowchart TD',
        '  subgraph c_outer ["Outer"]',
        '    subgraph c_inner ["Inner"]',
        '      c_mod["Mod"]',
        '      c_sub["Sub"]',
        '    end',
        '  end',
        '  c_stray["Stray"]',
        '',
      ].join('\n'),
    );
  });

  it('draws an empty project as a bare flowchart', () => {
    expect(architectureMermaid([], [])).toBe('flowchart TD\n');
  });
});
