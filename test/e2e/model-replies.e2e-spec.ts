import { createClient } from 'graphql-ws';
import type { EndpointTraits, ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import { createMethodProject } from './method-project';
import type { CorpusScenario } from './model-corpus';
import { corpusResponder, SCENARIOS, scenarioTag } from './model-corpus';
import { phaseOf } from './scripted-model';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const SESSION = `query($id: ID!) { session(id: $id) {
  status reason
  steps { name attempt status detail }
  llmCalls { step filesMode filesModeSource usageEstimated continuations omittedParameters reasoningSha256 finishReason }
} }`;

interface SessionView {
  status: string;
  reason: string | null;
  steps: { name: string; attempt: number; status: string; detail: string }[];
  llmCalls: {
    step: string;
    filesMode: string | null;
    filesModeSource: string | null;
    usageEstimated: boolean;
    continuations: number;
    omittedParameters: string[];
    reasoningSha256: string | null;
  }[];
}

type Runs = Record<'DESIGN' | 'TESTS' | 'CODE', SessionView> & { streaming?: ProgressEvent[] };

interface ProgressEvent {
  type: string;
  step: string | null;
  detail: string | null;
  data: { tokens?: number };
}

/** Every progress message of one session's subscription, until it ends. */
function watchProgress(system: RunningSystem, sessionId: string): Promise<ProgressEvent[]> {
  const client = createClient({
    url: `${system.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  const events: ProgressEvent[] = [];
  return new Promise<ProgressEvent[]>((resolve, reject) => {
    client.subscribe<{ sessionProgress: ProgressEvent }>(
      {
        query: 'subscription($id: ID!) { sessionProgress(sessionId: $id) { type step detail data } }',
        variables: { id: sessionId },
      },
      {
        next: (message) => events.push(message.data!.sessionProgress),
        error: reject,
        complete: () => resolve(events),
      },
    );
  }).finally(() => client.dispose());
}

/** One endpoint (with its traits) and one system behind it; every scenario of the endpoint runs through it. */
async function runEndpoint(endpoint: CorpusScenario['endpoint'], traits: EndpointTraits) {
  const llm = await startScriptedLlmServer(corpusResponder(), traits);
  const system = await startSystem({
    OPENAI_BASE_URL: llm.baseUrl,
    OPENAI_API_KEY: 'sk-corpus-test',
    OPENAI_MODEL: `corpus-${endpoint}`,
    SESSION_CONCURRENCY: '6',
    // Every scenario's project polls its sessions at once: out of the per-token rate limit's way.
    RATE_LIMIT_PER_SECOND: '100000',
    RATE_LIMIT_BURST: '100000',
  });
  return { llm, system };
}

async function runMethod(system: RunningSystem, scenario: CorpusScenario): Promise<Runs> {
  const { componentId } = await createMethodProject(
    system,
    `Corpus ${scenario.name}`,
    `Invoice totals ${scenarioTag(scenario.name)}`,
  );
  const runs = {} as Runs;
  for (const type of ['DESIGN', 'TESTS', 'CODE'] as const) {
    const { startSession } = await system.ok<{ startSession: { id: string } }>(
      `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
      { i: { componentId, type } },
    );
    const watched =
      scenario.name === 'slow-stream' && type === 'CODE' ? watchProgress(system, startSession.id) : null;
    await waitFor(
      async () => {
        runs[type] = (await system.ok<{ session: SessionView }>(SESSION, { id: startSession.id })).session;
        return runs[type].status !== 'RUNNING';
      },
      120_000,
      `${scenario.name}: the ${type} session`,
    );
    if (watched) runs.streaming = await watched;
    if (runs[type].status !== 'SUCCEEDED') break;
  }
  return runs;
}

const stepsOf = (view: SessionView) => view.steps.map((s) => `${s.name}#${s.attempt}:${s.status}`);

describe.each([
  ['fenced-only', { rejects: ['temperature'] }],
  ['tools-only', { tools: true }],
] as const)('the model-replies corpus on an endpoint that is %s', (endpoint, traits) => {
  let llm: ScriptedLlmServer;
  let system: RunningSystem;
  const results = new Map<string, Runs>();
  const scenarios = SCENARIOS.filter((s) => s.endpoint === endpoint);

  beforeAll(async () => {
    ({ llm, system } = await runEndpoint(endpoint, traits));
    if (!(await sandboxDriver())) return;
    const runs = await Promise.all(scenarios.map((s) => runMethod(system, s)));
    scenarios.forEach((s, i) => results.set(s.name, runs[i]));
  }, 600_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  it.each(scenarios.map((s) => [s.name, s] as const))(
    '%s: DESIGN → TESTS → CODE succeed',
    async (_name, scenario) => {
      if (!(await sandboxDriver())) return;
      const runs = results.get(scenario.name)!;
      for (const type of ['DESIGN', 'TESTS', 'CODE'] as const) {
        expect({ type, status: runs[type]?.status, reason: runs[type]?.reason }).toEqual({
          type,
          status: 'SUCCEEDED',
          reason: null,
        });
      }
      const fileCalls = [...runs.TESTS.llmCalls, ...runs.CODE.llmCalls];
      expect(fileCalls.every((c) => c.filesMode === (endpoint === 'tools-only' ? 'tools' : 'fenced'))).toBe(
        true,
      );
      expect(fileCalls[0].filesModeSource).toMatch(/^probe: /);
      if (scenario.firstFails) {
        const { phase, code, feedback } = scenario.firstFails;
        const run = phase === 'tests' ? runs.TESTS : runs.CODE;
        expect(stepsOf(run).slice(0, 2)).toEqual([`generate_${phase}#1:FAILED`, `fix_${phase}#1:SUCCEEDED`]);
        expect(run.steps[0].detail).toContain(code);
        const retry = llm.requests.find(
          (r) =>
            phaseOf(r) === `${phase}-fix` && JSON.stringify(r.messages).includes(scenarioTag(scenario.name)),
        );
        expect(retry?.messages[1].content).toContain(feedback);
      }
    },
  );

  if (endpoint === 'fenced-only') {
    it('records what real models did: a continuation, reasoning apart, estimated usage, a refused temperature', async () => {
      if (!(await sandboxDriver())) return;
      expect(results.get('cut-off-and-continued')!.CODE.llmCalls[0].continuations).toBe(1);
      const reasoning = results.get('reasoning-model')!;
      for (const call of [...reasoning.TESTS.llmCalls, ...reasoning.CODE.llmCalls]) {
        expect(call.reasoningSha256).toMatch(/^[0-9a-f]{64}$/);
        expect(call.usageEstimated).toBe(true);
      }
      expect(reasoning.TESTS.llmCalls[0].omittedParameters).toEqual(['temperature']);
      expect(llm.requests.every((r) => r.temperature === undefined)).toBe(true);
      // The probe asked for tools and for JSON once (tools twice if it met the temperature first); never again.
      expect(llm.refused.filter((r) => r.tools).length).toBeLessThanOrEqual(2);
      expect(llm.refused.filter((r) => r.response_format).length).toBe(1);
    });

    it('takes a refusal for no design: validation says so and the revision is told why', async () => {
      if (!(await sandboxDriver())) return;
      const { DESIGN } = results.get('design-refusal-then-design')!;
      expect(stepsOf(DESIGN)).toEqual([
        'generate_design#1:SUCCEEDED',
        'validate_design#1:FAILED',
        'revise_design#1:SUCCEEDED',
        'validate_design#2:SUCCEEDED',
        'submit_design#1:SUCCEEDED',
      ]);
      expect(DESIGN.steps[1].detail).toBe('the reply held no design (REPLY_REFUSED)');
      const revision = llm.requests.find(
        (r) =>
          phaseOf(r) === 'design-revision' &&
          JSON.stringify(r.messages).includes(scenarioTag('design-refusal-then-design')),
      );
      expect(revision?.messages[1].content).toContain('REPLY_REFUSED: the model refused');
    });

    it('shows the tokens of a slow streamed reply on the session progress subscription as they arrive', async () => {
      if (!(await sandboxDriver())) return;
      const streaming = results.get('slow-stream')!.streaming!.filter((e) => e.type === 'LlmCallStreaming');
      expect(streaming.length).toBeGreaterThan(0);
      expect(streaming[0]).toMatchObject({
        step: 'generate_code',
        detail: expect.stringMatching(/^\d+ tokens so far in \d+\.\d s/),
      });
      expect(streaming.every((e) => (e.data.tokens ?? 0) > 0)).toBe(true);
    });
  } else {
    it('writes what the step may write from the tool calls and refuses the rest, with reasons', async () => {
      if (!(await sandboxDriver())) return;
      const runs = results.get('tool-calls-outside-layout')!;
      expect(runs.TESTS.steps[0].detail).toMatch(
        /^wrote test\/totals\.test\.ts .*rejected \.\.\/outside\.test\.ts/,
      );
      expect(runs.CODE.steps[0].detail).toMatch(/^wrote src\/totals\.ts .*rejected test\/totals\.test\.ts/);
      expect(llm.requests.filter((r) => r.tool_choice === 'required').length).toBeGreaterThan(4);
    });
  }
});
