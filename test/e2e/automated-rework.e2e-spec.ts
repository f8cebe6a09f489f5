import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import { createMethodProject } from './method-project';
import { phaseOf, responder } from './scripted-model';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

const SESSION = `query($id: ID!) { session(id: $id) {
  status reason
  steps { name attempt status }
  llmCalls { step items { kind source version } }
  sandboxRuns { outcome evidence tests { name evidence } }
} }`;

interface SessionView {
  status: string;
  reason: string | null;
  steps: { name: string; attempt: number; status: string }[];
  llmCalls: { step: string; items: { kind: string; source: string; version: number }[] }[];
  sandboxRuns: { outcome: string; evidence: string; tests: { name: string; evidence: string }[] }[];
}

/** The reworked tests: the changed assertion's test fails against the old code (0.1 × 3 is not 0.3 in floats). */
const ROUNDED_TESTS = [
  'The reworked tests:',
  '```typescript path=test/totals.test.ts',
  "import test from 'node:test';",
  "import assert from 'node:assert/strict';",
  "import { total } from '../src/totals.ts';",
  "test('adds the line totals, rounded to cents', () => assert.equal(total([{ price: 0.1, qty: 3 }]), 0.3));",
  "test('an empty invoice totals zero', () => assert.equal(total([]), 0));",
  '```',
].join('\n');

const ROUNDED_CODE = [
  '```typescript path=src/totals.ts',
  'export function total(lines: { price: number; qty: number }[]): number {',
  '  return Math.round(lines.reduce((sum, l) => sum + l.price * l.qty, 0) * 100) / 100;',
  '}',
  '```',
].join('\n');

const ROUNDED_DESIGN = [
  '# Totals',
  '',
  '## Purpose',
  '',
  'Totals adds up the lines of an invoice, rounded to cents.',
  '',
  '## Public API',
  '',
  '`total(lines: { price: number; qty: number }[]): number`',
  '',
  '## Execution Flow',
  '',
  'Sum price × quantity over the lines, then round to cents.',
  '',
  '## Test Assertions',
  '',
  '- adds the line totals, rounded to cents [AC-1]',
  '- an empty invoice totals zero',
].join('\n');

/**
 * Rework in automated mode: a component made green by sessions, then its criterion changes and its
 * design is revised; one TESTS session reworks only the changed test (red against the old code,
 * the unchanged test passing beside it) from the design diff, and one CODE session changes the
 * existing code to green: the criterion is VERIFIED again.
 */
describe('automated rework through the gateway (scripted model, real sandbox)', () => {
  let llm: ScriptedLlmServer;
  let system: RunningSystem;

  beforeAll(async () => {
    const base = responder();
    llm = await startScriptedLlmServer((request) => {
      if (phaseOf(request) === 'tests-rework') return { content: ROUNDED_TESTS };
      if (phaseOf(request) === 'code-rework') return { content: ROUNDED_CODE };
      return base(request);
    });
    system = await startSystem({
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'sk-e2e',
      OPENAI_MODEL: 'scripted-1',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  const ok = <T>(query: string, variables?: Record<string, unknown>) => system.ok<T>(query, variables);

  async function session(componentId: string, type: string): Promise<SessionView> {
    const { id } = (
      await ok<{ startSession: { id: string } }>(
        `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
        {
          i: { componentId, type },
        },
      )
    ).startSession;
    let view: SessionView | undefined;
    await waitFor(
      async () => {
        view = (await ok<{ session: SessionView }>(SESSION, { id })).session;
        return view.status !== 'RUNNING';
      },
      90_000,
      `the ${type} session to finish`,
    );
    return view!;
  }

  const steps = (view: SessionView) => view.steps.map((s) => `${s.name}#${s.attempt}:${s.status}`);
  const traced = async (projectId: string) =>
    (
      await ok<{ traceability: { criteria: { criterion: { ref: string }; status: string }[] } }>(
        `query($p: ID!) { traceability(projectId: $p) { criteria { criterion { ref } status } } }`,
        { p: projectId },
      )
    ).traceability.criteria.map((c) => `${c.criterion.ref} ${c.status}`);
  const until = (projectId: string, expected: string[], why: string) =>
    waitFor(async () => JSON.stringify(await traced(projectId)) === JSON.stringify(expected), 30_000, why);

  it('reworks one test and the code after a redesign: one TESTS and one CODE iteration to VERIFIED', async () => {
    if (!(await sandboxDriver())) return;
    const { projectId, storyId, componentId } = await createMethodProject(system, 'Rework loop');
    expect((await session(componentId, 'DESIGN')).status).toBe('SUCCEEDED');
    expect((await session(componentId, 'TESTS')).status).toBe('SUCCEEDED');
    expect((await session(componentId, 'CODE')).status).toBe('SUCCEEDED');
    await until(projectId, ['AC-1 VERIFIED'], 'the first green');

    // The requirement changes, and the design follows: AC-1's assertion is renamed.
    const { story } = await ok<{ story: { acceptanceCriteria: { id: string }[] } }>(
      `query($s: ID!) { story(id: $s) { acceptanceCriteria { id } } }`,
      { s: storyId },
    );
    await ok(
      `mutation($i: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $i) { id } }`,
      {
        i: {
          storyId,
          criterionId: story.acceptanceCriteria[0].id,
          description: 'the total is the sum of price times quantity, rounded to cents',
        },
      },
    );
    await until(projectId, ['AC-1 DIRTY'], 'the change');
    const submitted = await ok<{ submitDesign: { valid: boolean; version: number } }>(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid version } }`,
      { i: { componentId, markdown: ROUNDED_DESIGN } },
    );
    expect(submitted.submitDesign.valid).toBe(true);
    await until(projectId, ['AC-1 UNTESTED'], 'the revised design');
    // Manual mode gets the same rework context to paste into an assistant.
    const bundle = await ok<{ contextBundle: { items: { source: string }[]; markdown: string } }>(
      `query($c: ID!) { contextBundle(componentId: $c, purpose: TESTS) { markdown items { source } } }`,
      { c: componentId },
    );
    expect(bundle.contextBundle.items[0].source).toBe('instruction:tests-rework');
    expect(bundle.contextBundle.markdown).toContain('+- adds the line totals, rounded to cents [AC-1]');

    const tests = await session(componentId, 'TESTS');
    expect(tests.status).toBe('SUCCEEDED');
    expect(steps(tests)).toEqual([
      'generate_tests#1:SUCCEEDED',
      'run_tests#1:SUCCEEDED',
      'check_alignment#1:SUCCEEDED',
      'record_red#1:SUCCEEDED',
    ]);
    // The context held the diff from the version the tests were green for, and the old tests; not the old design.
    const items = tests.llmCalls[0].items.map((i) => `${i.kind} ${i.source}@${i.version}`);
    expect(items).toEqual([
      'instruction instruction:tests-rework@1',
      `instruction component-${componentId}@0`,
      `design design-${componentId}@${submitted.submitDesign.version}`,
      `design design-${componentId}:diff-from-1@${submitted.submitDesign.version}`,
      `test workspace-${projectId}:test/totals.test.ts@${tests.llmCalls[0].items[4].version}`,
      'instruction instruction:reply-files-fenced@1',
    ]);
    // Red against the old code for the changed test; the unchanged one passes beside it.
    expect(tests.sandboxRuns).toEqual([
      {
        outcome: 'FAILED',
        evidence: 'RED',
        tests: [
          { name: 'adds the line totals, rounded to cents', evidence: 'RED' },
          { name: 'an empty invoice totals zero', evidence: 'GREEN' },
        ],
      },
    ]);

    const code = await session(componentId, 'CODE');
    expect(code.status).toBe('SUCCEEDED');
    expect(steps(code)).toEqual([
      'generate_code#1:SUCCEEDED',
      'run_tests#1:SUCCEEDED',
      'finalize#1:SUCCEEDED',
    ]);
    // The code started from the existing implementation.
    expect(code.llmCalls[0].items.map((i) => i.kind)).toEqual([
      'instruction',
      'instruction',
      'design',
      'test',
      'code',
      'error',
      'instruction',
    ]);
    expect(code.llmCalls[0].items[0].source).toBe('instruction:code-rework');
    await until(projectId, ['AC-1 VERIFIED'], 'green after the rework');
    await waitFor(
      async () =>
        (
          await ok<{ story: { status: string } }>(`query($s: ID!) { story(id: $s) { status } }`, {
            s: storyId,
          })
        ).story.status === 'COMPLETED',
      30_000,
      'the story COMPLETED again',
    );
  });
});
