import type { SandboxRunRecorded } from '@app/domain';
import { citedRefs, designCommit, designPath, runCommit, storiesCommit } from './record-commits';
import { authorOf } from './record-writer';

type Run = SandboxRunRecorded['data'];

const run = (overrides: Partial<Run>): Run => ({
  runId: 'run-1',
  projectId: 'p-1',
  componentId: 'c-1',
  purpose: 'MANUAL',
  outcome: 'FAILED',
  exitCode: 1,
  durationMs: 10,
  testsPassed: 0,
  testsFailed: 2,
  recordedAt: '2026-12-01T10:00:00.000Z',
  designVersion: 2,
  files: [
    { path: 'test/cart.test.ts', sha256: 't', tests: ['adds'] },
    { path: 'src/cart.ts', sha256: 's' },
  ],
  tests: [
    { name: 'adds', status: 'FAILED', message: null, failureKind: 'assertion', durationMs: 1 },
    { name: 'totals', status: 'FAILED', message: null, failureKind: 'assertion', durationMs: 1 },
  ],
  ...overrides,
});
const cart = { name: 'Shop.Cart', designVersion: 2, refs: ['AC-1', 'AC-3'] };

describe('what the git record commits', () => {
  it('puts a design under its context, in file stems', () => {
    expect(designPath('Shop.CartTotals', 'Shop')).toBe('docs/design/shop/shop-cart-totals.md');
    expect(designPath('Shop', 'Shop')).toBe('docs/design/shop/shop.md');
    expect(designPath('Loose', null)).toBe('docs/design/loose/loose.md');
  });

  it('names the criteria a design cites, once each', () => {
    expect(citedRefs(['adds [AC-1]', 'totals [AC-1, AC-3]', 'internal'])).toEqual(['AC-1', 'AC-3']);
    expect(
      designCommit(
        {
          designId: 'd-2',
          componentId: 'c-1',
          version: 2,
          errors: [],
          proposedComponents: [],
          markdown: '#',
          sha256: 'x',
          valid: true,
          testAssertions: ['adds [AC-1]'],
          at: '2026-12-01T10:00:00.000Z',
        },
        'Shop.Cart',
        'dana',
      ),
    ).toEqual({
      message: 'Design of Shop.Cart: version 2 accepted',
      trailers: [
        ['Story', 'AC-1'],
        ['Component', 'Shop.Cart (c-1)'],
        ['Design-Version', '2'],
        ['Actor', 'dana'],
      ],
      fact: { kind: 'DESIGN', componentId: 'c-1', designVersion: 2, sandboxRunId: null, sessionId: null },
    });
  });

  it('commits the tests of red evidence, every file of green evidence, and nothing for a run that proves nothing', () => {
    expect(runCommit(run({}), cart, 'dana')).toEqual({
      paths: ['test/cart.test.ts'],
      message: 'Tests of Shop.Cart: red (2 failing before the code)',
      trailers: [
        ['Story', 'AC-1, AC-3'],
        ['Component', 'Shop.Cart (c-1)'],
        ['Design-Version', '2'],
        ['Sandbox-Run', 'run-1'],
        ['Actor', 'dana'],
      ],
      fact: { kind: 'RED', componentId: 'c-1', designVersion: 2, sandboxRunId: 'run-1', sessionId: null },
    });
    const green = run({
      outcome: 'PASSED',
      testsPassed: 2,
      testsFailed: 0,
      sessionId: 's-9',
      tests: [
        { name: 'adds', status: 'PASSED', message: null, failureKind: null, durationMs: 1 },
        { name: 'totals', status: 'PASSED', message: null, failureKind: null, durationMs: 1 },
      ],
    });
    expect(runCommit(green, cart, 'sessions (dana)')).toMatchObject({
      paths: ['test/cart.test.ts', 'src/cart.ts'],
      message: 'Code of Shop.Cart: green (2 passing)',
      fact: { kind: 'GREEN', sandboxRunId: 'run-1', sessionId: 's-9' },
      trailers: expect.arrayContaining([
        ['Session', 's-9'],
        ['Sandbox-Run', 'run-1'],
      ]),
    });
    const syntax = run({
      tests: [
        { name: 'test/cart.test.ts', status: 'FAILED', message: null, failureKind: 'syntax', durationMs: 1 },
      ],
      testsFailed: 1,
    });
    expect(runCommit(syntax, cart, 'dana')).toBeNull();
    expect(runCommit(run({ designVersion: null }), cart, 'dana')).toBeNull();
  });

  it('names the criteria a story change touches', () => {
    expect(storiesCommit('AC-3 of "Checkout" changed', ['AC-3'], 'dana')).toEqual({
      message: 'AC-3 of "Checkout" changed',
      trailers: [
        ['Story', 'AC-3'],
        ['Actor', 'dana'],
      ],
      fact: { kind: 'STORIES', componentId: null, designVersion: null, sandboxRunId: null, sessionId: null },
    });
  });
});

describe('the author of a record commit', () => {
  it('is the actor, with the token id in the address', () => {
    expect(authorOf('dana (f25e587f-a20a-45a7-a27e-81df70ecef2b)')).toEqual({
      name: 'dana',
      email: 'dana.f25e587f-a20a-45a7-a27e-81df70ecef2b@codemyspec.invalid',
    });
    expect(authorOf('system')).toEqual({ name: 'system', email: 'system@codemyspec.invalid' });
    expect(authorOf('sessions (Ünïcode Name)')).toEqual({
      name: 'sessions',
      email: 'sessions.n-code-name@codemyspec.invalid',
    });
  });
});
