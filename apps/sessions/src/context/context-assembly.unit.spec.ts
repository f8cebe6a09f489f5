import { assembleContext, contextHashOf } from './context-assembly';
import type { AssemblyRequest } from './context-assembly';
import { componentFiles, fileStem } from './file-layout';

const component = {
  id: 'c1',
  projectId: 'p1',
  name: 'InvoiceTotals',
  type: 'other',
  description: 'Adds up invoices',
  moduleName: null,
  parent: { id: 'ctx', name: 'Billing', type: 'context', description: 'Billing' },
  dependencies: [],
  children: [],
};
const design = {
  componentId: 'c1',
  version: 3,
  markdown: '# InvoiceTotals\n\n## Test Assertions\n\n- adds\n',
};
const request: AssemblyRequest = { purpose: 'TESTS', component, design };

describe('context assembly', () => {
  it('is deterministic: the same request gives the same messages, items and hash', () => {
    const a = assembleContext(request, { model: 'm', temperature: 0, maxTokens: null });
    const b = assembleContext(JSON.parse(JSON.stringify(request)) as AssemblyRequest, {
      model: 'm',
      temperature: 0,
      maxTokens: null,
    });
    expect(b).toEqual(a);
    expect(a.contextHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reworks tests from the design diff, the changed assertions and the old tests, not the history', () => {
    const rework: AssemblyRequest = {
      ...request,
      rework: {
        componentId: 'c1',
        fromVersion: 2,
        toVersion: 3,
        diff: '@@ -5 +5 @@\n-- adds\n+- adds, rounded to cents\n',
        changedAssertions: ['adds, rounded to cents [AC-1]'],
        tests: [
          {
            path: 'test/invoice-totals.test.ts',
            content: "test('adds', () => {});\n",
            source: 'workspace-p1',
            version: 7,
          },
        ],
      },
    };
    const { messages, items } = assembleContext(rework);
    expect(items.map((i) => [i.kind, i.source, i.version])).toEqual([
      ['instruction', 'instruction:tests-rework', 1],
      ['instruction', 'component-c1', 0],
      ['design', 'design-c1', 3],
      ['design', 'design-c1:diff-from-2', 3],
      ['test', 'workspace-p1:test/invoice-totals.test.ts', 7],
      ['instruction', 'instruction:reply-files-fenced', 1],
    ]);
    const user = messages.map((m) => m.content).join('\n');
    expect(user).toContain('Design changes from version 2 to 3');
    expect(user).toContain('- adds, rounded to cents [AC-1]');
    expect(messages[0].content).toMatch(/^You rework the tests/);
  });

  it('records each piece with its source, version, fingerprint and tokens, and nothing else goes in', () => {
    const { messages, items } = assembleContext(request);
    expect(items.map((i) => [i.kind, i.source, i.version])).toEqual([
      ['instruction', 'instruction:tests', 3],
      ['instruction', 'component-c1', 0],
      ['design', 'design-c1', 3],
      ['instruction', 'instruction:reply-files-fenced', 1],
    ]);
    // The form files are asked for is its own item, so the ledger says which one went in.
    expect(assembleContext(request, null, 'tools').items.at(-1)?.source).toBe(
      'instruction:reply-files-tools',
    );
    expect(items.every((i) => /^[0-9a-f]{64}$/.test(i.sha256) && i.tokens > 0)).toBe(true);
    expect(messages).toHaveLength(2);
    expect(messages[1].content).toContain('## Accepted design (version 3)');
    expect(messages[1].content).toContain('Implementation file: src/invoice-totals.ts');
    // No aggregate ids in what the model reads: identical projects give identical contexts.
    expect(JSON.stringify(messages)).not.toContain('c1');
  });

  it('changes the hash when the model parameters or any input changes', () => {
    const base = assembleContext(request, { model: 'm', temperature: 0, maxTokens: null });
    expect(assembleContext(request, { model: 'm2', temperature: 0, maxTokens: null }).contextHash).not.toBe(
      base.contextHash,
    );
    expect(
      assembleContext(
        { ...request, design: { ...design, markdown: `${design.markdown}x` } },
        { model: 'm', temperature: 0, maxTokens: null },
      ).contextHash,
    ).not.toBe(base.contextHash);
    expect(contextHashOf(base.messages, { model: 'm', temperature: 0, maxTokens: null })).toBe(
      base.contextHash,
    );
  });

  it('trims failure messages and sorts failures, so the same failures read the same way', () => {
    const failures = {
      source: 'sandbox-run-r',
      version: 1,
      summary: 'Run outcome FAILED',
      failures: [
        { name: 'b', message: 'x'.repeat(5000) },
        { name: 'a', message: 'boom' },
      ],
    };
    const { messages } = assembleContext({ purpose: 'CODE', component, design, tests: [], failures });
    const text = messages[1].content;
    expect(text.indexOf('- a: boom')).toBeLessThan(text.indexOf('- b: '));
    expect(text).toContain(`- b: ${'x'.repeat(800)}…`);
  });
});

describe('file layout', () => {
  it('names files after the component', () => {
    expect(fileStem('Shop.CartTotals')).toBe('shop-cart-totals');
    expect(componentFiles('Totals')).toEqual({
      implementation: 'src/totals.ts',
      tests: 'test/totals.test.ts',
    });
  });
});
