import { execFileSync } from 'node:child_process';
import { createClient } from 'graphql-ws';
import { join } from 'node:path';
import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import { createMethodProject } from './method-project';
import { phaseOf, responder } from './scripted-model';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const API_KEY = 'sk-e2e-secret-key-that-must-never-leak-0123';

const SESSION = `query($id: ID!) { session(id: $id) {
  id type status reason summary commit
  steps { name attempt status detail }
  budget { llmCallsUsed tokensUsed maxLlmCalls maxTokens }
  llmCalls { step attempt model requestedModel contextHash promptTokens completionTokens messagesSha256 items { kind source version sha256 tokens } }
  sandboxRuns { id outcome tests { name status failureKind message } }
  children { id status componentName }
} }`;

interface SessionView {
  id: string;
  status: string;
  reason: string | null;
  commit: string | null;
  steps: { name: string; attempt: number; status: string; detail: string }[];
  budget: { llmCallsUsed: number; tokensUsed: number };
  llmCalls: {
    step: string;
    contextHash: string;
    promptTokens: number;
    items: { kind: string; source: string; version: number }[];
  }[];
  sandboxRuns: {
    id: string;
    outcome: string;
    tests: { name: string; status: string; failureKind: string | null; message: string | null }[];
  }[];
  children: { id: string; status: string; componentName: string }[];
}

describe('automated sessions through the gateway (real openai client, scripted endpoint, real sandbox)', () => {
  let llm: ScriptedLlmServer;
  let system: RunningSystem;
  /** How many revision calls the scripted model leaves hanging (to crash the caller mid-call). */
  let revisionsToHang = 0;
  let reviewReply = '';

  beforeAll(async () => {
    llm = await startScriptedLlmServer(
      responder({ hangOnRevision: () => revisionsToHang-- > 0, reviewReply: () => reviewReply }),
    );
    system = await startSystem({
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: API_KEY,
      OPENAI_MODEL: 'scripted-1',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  const ok = <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    system.ok<T>(query, variables, token);

  const project = (name: string) => createMethodProject(system, name);

  async function start(componentId: string, type: string, extra: Record<string, unknown> = {}) {
    return (
      await ok<{ startSession: { id: string; status: string } }>(
        `mutation($i: StartSessionInput!) { startSession(input: $i) { id status } }`,
        {
          i: { componentId, type, ...extra },
        },
      )
    ).startSession;
  }

  async function finished(id: string, timeoutMs = 90_000): Promise<SessionView> {
    let view: SessionView | undefined;
    await waitFor(
      async () => {
        view = (await ok<{ session: SessionView }>(SESSION, { id })).session;
        return view.status !== 'RUNNING';
      },
      timeoutMs,
      `session ${id} to finish`,
    );
    return view!;
  }

  const stepsOf = (view: SessionView) => view.steps.map((s) => `${s.name}#${s.attempt}:${s.status}`);

  it('designs (revised once, then valid), writes red tests, then code that fails once and goes green, all in the ledger', async () => {
    if (!(await sandboxDriver())) return;
    const { projectId, storyId, componentId } = await project('Loops');
    const before = llm.requests.length;

    const designRun = await finished((await start(componentId, 'DESIGN')).id);
    expect(designRun.status).toBe('SUCCEEDED');
    expect(stepsOf(designRun)).toEqual([
      'generate_design#1:SUCCEEDED',
      'validate_design#1:FAILED',
      'revise_design#1:SUCCEEDED',
      'validate_design#2:SUCCEEDED',
      'submit_design#1:SUCCEEDED',
    ]);
    expect(designRun.llmCalls.map((c) => c.step)).toEqual(['generate_design', 'revise_design']);
    // Exactly what the process named went in: the instruction, the component, the story at its version, the template.
    const first = designRun.llmCalls[0];
    expect(first.items.map((i) => i.kind)).toEqual(['instruction', 'instruction', 'story', 'instruction']);
    expect(first.items[0]).toMatchObject({ source: 'instruction:design', version: 2 });
    const { story } = await ok<{ story: { version: number } }>(
      `query($id: ID!) { story(id: $id) { version } }`,
      { id: storyId },
    );
    expect(first.items[2]).toMatchObject({ source: `story-${storyId}`, version: story.version });
    // The story's criteria go in with their references, for the design to cite.
    const generation = llm.requests.slice(before).find((r) => phaseOf(r) === 'design')!;
    expect(JSON.stringify(generation.messages)).toContain(
      '- AC-1: the total is the sum of price times quantity',
    );
    expect(designRun.llmCalls[1].items.map((i) => i.kind)).toEqual([
      'instruction',
      'instruction',
      'story',
      'instruction',
      'design',
      'error',
    ]);
    const revision = llm.requests.slice(before).find((r) => phaseOf(r) === 'design-revision')!;
    expect(revision.messages[1].content).toMatch(/Execution Flow/);
    expect(revision.model).toBe('scripted-1');
    expect(revision.headers.authorization).toBe(`Bearer ${API_KEY}`); // the key goes to the endpoint, and only there
    const accepted = await ok<{ component: { designStatus: string; acceptedDesignVersion: number } }>(
      `query($id: ID!) { component(id: $id) { designStatus acceptedDesignVersion } }`,
      { id: componentId },
    );
    expect(accepted.component).toEqual({ designStatus: 'ACCEPTED', acceptedDesignVersion: 1 });
    // The model cited the story's criterion, as the design validation requires.
    const cited = await ok<{ design: { markdown: string } }>(
      `query($id: ID!) { design(componentId: $id) { markdown } }`,
      { id: componentId },
    );
    expect(cited.design.markdown).toContain('- adds the line totals [AC-1]');

    const testsRun = await finished((await start(componentId, 'TESTS')).id);
    expect(testsRun.status).toBe('SUCCEEDED');
    expect(stepsOf(testsRun)).toEqual([
      'generate_tests#1:SUCCEEDED',
      'run_tests#1:SUCCEEDED',
      'check_alignment#1:SUCCEEDED',
      'record_red#1:SUCCEEDED',
    ]);
    expect(testsRun.sandboxRuns).toMatchObject([
      { outcome: 'FAILED', tests: [{ name: 'test/totals.test.ts', failureKind: 'missing_module' }] },
    ]);
    await waitFor(
      async () =>
        (
          await ok<{ component: { testStatus: string } }>(
            `query($id: ID!) { component(id: $id) { testStatus } }`,
            { id: componentId },
          )
        ).component.testStatus === 'RED',
      30_000,
      'red evidence at the architect',
    );

    const bundle = await ok<{
      contextBundle: { markdown: string; items: { kind: string }[]; contextHash: string };
    }>(
      `query($c: ID!) { contextBundle(componentId: $c, purpose: CODE) { markdown contextHash items { kind source version sha256 tokens } } }`,
      { c: componentId },
    );
    expect(bundle.contextBundle.items.map((i) => i.kind)).toEqual([
      'instruction',
      'instruction',
      'design',
      'test',
      'error',
      'instruction',
    ]);
    // The last item is the form the files are asked for (this endpoint takes neither tools nor JSON).
    expect(bundle.contextBundle.items.at(-1)).toMatchObject({ source: 'instruction:reply-files-fenced' });
    expect(bundle.contextBundle.markdown).toContain("test('an empty invoice totals zero'");

    const codeRun = await finished((await start(componentId, 'CODE')).id);
    expect(codeRun.status).toBe('SUCCEEDED');
    expect(stepsOf(codeRun)).toEqual([
      'generate_code#1:SUCCEEDED',
      'run_tests#1:FAILED',
      'fix_code#1:SUCCEEDED',
      'run_tests#2:SUCCEEDED',
      'finalize#1:SUCCEEDED',
    ]);
    expect(codeRun.sandboxRuns.map((r) => r.outcome)).toEqual(['FAILED', 'PASSED']);
    // The fix got the failing test and its message, trimmed, and nothing of the passing one.
    const fix = llm.requests.slice(before).find((r) => phaseOf(r) === 'code-fix')!;
    expect(fix.messages[1].content).toMatch(/- an empty invoice totals zero: .*NaN/);
    expect(fix.messages[1].content).not.toMatch(/- adds the line totals:/);
    expect(codeRun.commit).toMatch(/^[0-9a-f]{40}$/);
    // The session names the git record's commit of its green run: code, tests, design and stories.
    const repository = `--git-dir=${join(system.dataDir, 'repos', `${projectId}.git`)}`;
    const log = execFileSync('git', [repository, 'log', '-1', '--format=%B', codeRun.commit!]).toString();
    const greenRun = codeRun.sandboxRuns[codeRun.sandboxRuns.length - 1];
    for (const trailer of [
      `Component: Totals (${componentId})`,
      'Design-Version: 1',
      `Sandbox-Run: ${greenRun.id}`,
      `Session: ${codeRun.id}`,
    ])
      expect(log).toContain(trailer);
    const tree = execFileSync('git', [
      repository,
      'ls-tree',
      '-r',
      '--name-only',
      codeRun.commit!,
    ]).toString();
    expect(tree.trim().split('\n')).toEqual([
      'docs/design/billing/totals.md',
      'docs/user_stories.md',
      'src/totals.ts',
      'test/totals.test.ts',
    ]);
    // The TESTS session's red run is in the record too, with its session.
    const subjects = execFileSync('git', [
      repository,
      'log',
      '--format=%s|%(trailers:key=Session,valueonly,separator=)',
    ]).toString();
    expect(subjects).toContain(`Tests of Totals: red (1 failing before the code)|${testsRun.id}`);
    await waitFor(
      async () =>
        (
          await ok<{ component: { codeStatus: string } }>(
            `query($id: ID!) { component(id: $id) { codeStatus } }`,
            { id: componentId },
          )
        ).component.codeStatus === 'GREEN',
      30_000,
      'green evidence at the architect',
    );

    // The key never reached an event or a log.
    const timeline = await ok<{ projectTimeline: { edges: { node: { data: unknown } }[] } }>(
      `query($p: ID!) { projectTimeline(projectId: $p, first: 500) { edges { node { type data } } } }`,
      { p: projectId },
    );
    expect(timeline.projectTimeline.edges.length).toBeGreaterThan(10);
    expect(JSON.stringify(timeline)).not.toContain(API_KEY);
    for (const service of system.services) expect(service.output()).not.toContain(API_KEY);
  }, 240_000);

  it('streams a session’s progress over graphql-ws, authenticated at connection_init', async () => {
    const { componentId } = await project('Progress');
    const wsUrl = `${system.url.replace(/^http/, 'ws')}/graphql`;
    const refused = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer cms_not-a-token' },
      retryAttempts: 0,
    });
    const closeCode = await new Promise<number>((resolve) => {
      refused.on('closed', (event) => resolve((event as CloseEvent).code));
      refused.subscribe(
        { query: '{ ok }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    expect(closeCode).toBe(4403);
    await refused.dispose();

    const { id } = await start(componentId, 'DESIGN');
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    });
    const events: { type: string; step: string | null; status: string; version: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ sessionProgress: (typeof events)[number] }>(
        {
          query:
            'subscription($id: ID!) { sessionProgress(sessionId: $id) { type step status version detail } }',
          variables: { id },
        },
        {
          // LlmCallStreaming is a courtesy between events (tokens of a call in flight), not an event.
          next: (message) =>
            message.data!.sessionProgress.type !== 'LlmCallStreaming' &&
            events.push(message.data!.sessionProgress),
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1)); // every event, in order
    expect(events[0]).toMatchObject({ type: 'SessionStarted', status: 'RUNNING' });
    expect(events.at(-1)).toMatchObject({ type: 'SessionSucceeded', status: 'SUCCEEDED' });
    expect(events.filter((e) => e.type === 'StepCompleted').map((e) => e.step)).toEqual([
      'generate_design',
      'validate_design',
      'revise_design',
      'validate_design',
      'submit_design',
    ]);
    expect(events.filter((e) => e.type === 'LlmCallRecorded')).toHaveLength(2);
  }, 120_000);

  it('reviews a story with the LLM into a recorded structured review, and falls back to the rules on a bad reply', async () => {
    const { storyId } = await project('Reviews');
    reviewReply = [
      '```json',
      JSON.stringify({
        score: 72,
        findings: [
          { rule: 'testable-criteria', severity: 'warning', message: 'Say how the sum is checked.' },
          { rule: 'missing-error-case', severity: 'info', message: 'What about negative quantities?' },
        ],
      }),
      '```',
    ].join('\n');
    const REVIEW = `mutation($id: ID!) { reviewStoryWithAi(id: $id) { storyId source fallbackReason score findings { rule severity message }
      llmCall { model contextHash items { kind source } } } }`;
    const good = (
      await ok<{ reviewStoryWithAi: Record<string, unknown> & { llmCall: { items: { kind: string }[] } } }>(
        REVIEW,
        { id: storyId },
      )
    ).reviewStoryWithAi;
    expect(good).toMatchObject({ storyId, source: 'llm', fallbackReason: null, score: 72 });
    expect(good.findings).toEqual([
      { rule: 'testable-criteria', severity: 'warning', message: 'Say how the sum is checked.' },
      { rule: 'missing-error-case', severity: 'info', message: 'What about negative quantities?' },
    ]);
    expect(good.llmCall.items.map((i) => i.kind)).toEqual([
      'instruction',
      'instruction',
      'story',
      'story',
      'story',
    ]);
    reviewReply = 'I think it is fine!';
    const fallback = (
      await ok<{ reviewStoryWithAi: { source: string; fallbackReason: string; llmCall: unknown } }>(REVIEW, {
        id: storyId,
      })
    ).reviewStoryWithAi;
    expect(fallback).toMatchObject({
      source: 'deterministic',
      fallbackReason: "the LLM's reply was not usable: the reply is not a JSON object",
    });
    expect(fallback.llmCall).not.toBeNull(); // the call happened and is recorded
  }, 60_000);

  it('gives the same context hashes for two identical runs', async () => {
    const a = await project('Twin A');
    const b = await project('Twin B');
    const runA = await finished((await start(a.componentId, 'DESIGN')).id);
    const runB = await finished((await start(b.componentId, 'DESIGN')).id);
    expect(runA.llmCalls).toHaveLength(2);
    expect(runB.llmCalls.map((c) => c.contextHash)).toEqual(runA.llmCalls.map((c) => c.contextHash));
    // The items name different aggregates (other ids), with the same fingerprints.
    expect(runB.llmCalls[0].items.map((i) => i.kind)).toEqual(runA.llmCalls[0].items.map((i) => i.kind));
  }, 120_000);

  it('enforces budgets: a session out of LLM calls or tokens fails with the reason', async () => {
    const { componentId } = await project('Budgets');
    const calls = await finished(
      (await start(componentId, 'DESIGN', { maxIterations: 5, maxLlmCalls: 1 })).id,
    );
    expect(calls).toMatchObject({ status: 'FAILED', reason: 'the budget of 1 LLM call(s) is used up' });
    expect(calls.budget.llmCallsUsed).toBe(1);
    const tokens = await finished((await start(componentId, 'DESIGN', { maxTokens: 10 })).id);
    expect(tokens.status).toBe('FAILED');
    expect(tokens.reason).toMatch(/^the token budget is exceeded: \d+ of 10 tokens used$/);
    const refused = await system.graphql(
      `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
      {
        i: { componentId, type: 'DESIGN', maxLlmCalls: 100_000 },
      },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  }, 120_000);

  it('designs every component of a context in child sessions (COMPONENT_DESIGNS)', async () => {
    const { projectId, contextId } = await project('Children');
    await ok(`mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`, {
      i: { projectId, parentId: contextId, name: 'Discounts', type: 'other' },
    });
    const parent = await finished((await start(contextId, 'COMPONENT_DESIGNS')).id, 120_000);
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.children.map((c) => [c.componentName, c.status]).sort()).toEqual([
      ['Discounts', 'SUCCEEDED'],
      ['Totals', 'SUCCEEDED'],
    ]);
  }, 180_000);

  it('cancels a running session: its LLM call is abandoned and no step runs after it', async () => {
    const { componentId } = await project('Cancel');
    revisionsToHang = 1;
    const before = llm.requests.length;
    const { id } = await start(componentId, 'DESIGN');
    await waitFor(
      () => llm.requests.slice(before).some((r) => phaseOf(r) === 'design-revision'),
      60_000,
      'the revision call',
    );
    const cancelled = await ok<{ cancelSession: { status: string; reason: string } }>(
      `mutation($id: ID!) { cancelSession(id: $id) { status reason } }`,
      { id },
    );
    expect(cancelled.cancelSession).toEqual({
      status: 'CANCELLED',
      reason: 'cancelled by admin (00000000-0000-4000-8000-000000000001)',
    });
    await new Promise((r) => setTimeout(r, 1_500));
    const view = (await ok<{ session: SessionView }>(SESSION, { id })).session;
    expect(view.status).toBe('CANCELLED');
    expect(stepsOf(view)).toEqual([
      'generate_design#1:SUCCEEDED',
      'validate_design#1:FAILED',
      'revise_design#1:CANCELLED',
    ]);
    expect(view.llmCalls).toHaveLength(1);
    const again = await system.graphql(`mutation($id: ID!) { cancelSession(id: $id) { status } }`, { id });
    expect(again.data).toEqual({ cancelSession: { status: 'CANCELLED' } }); // cancelling twice is harmless
    revisionsToHang = 0;
  }, 120_000);

  it('resumes after the sessions process is killed mid-loop, repeating no finished step', async () => {
    const { componentId } = await project('Crash');
    revisionsToHang = 1;
    const before = llm.requests.length;
    const { id } = await start(componentId, 'DESIGN');
    await waitFor(
      () => llm.requests.slice(before).some((r) => phaseOf(r) === 'design-revision'),
      60_000,
      'the revision call',
    );
    await system.crashAndRestart('sessions');
    const view = await finished(id, 90_000);
    expect(view.status).toBe('SUCCEEDED');
    expect(stepsOf(view)).toEqual([
      'generate_design#1:SUCCEEDED',
      'validate_design#1:FAILED',
      'revise_design#1:SUCCEEDED',
      'validate_design#2:SUCCEEDED',
      'submit_design#1:SUCCEEDED',
    ]);
    const phases = llm.requests.slice(before).map(phaseOf);
    expect(phases).toEqual(['design', 'design-revision', 'design-revision']); // only the interrupted call again
    expect(view.llmCalls.map((c) => c.step)).toEqual(['generate_design', 'revise_design']);
  }, 180_000);
});
