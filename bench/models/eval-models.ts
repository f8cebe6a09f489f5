import type { BenchSystem } from '../bench-services';
import { withBenchSystem } from '../bench-services';
import type { EvalComponent } from './eval-components';
import { EVAL_COMPONENTS } from './eval-components';

/**
 * `npm run eval:models`: the method (DESIGN → TESTS → CODE) on three small fixed components
 * against whatever OPENAI_BASE_URL / OPENAI_MODEL point at, through the whole system as `npm start`
 * runs it, with the sandbox. Prints one markdown table (the format is documented in the README)
 * so figures from different models can be compared. Without an endpoint it says so and exits 0.
 */
const SECRET = 'eval-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_eval-admin-token-0123456789abcdefghijklmn';
const SESSION_TIMEOUT_MS = Number(process.env.EVAL_SESSION_TIMEOUT_MS ?? 900_000);

interface SessionView {
  status: string;
  reason: string | null;
  steps: { name: string }[];
  llmCalls: { promptTokens: number; completionTokens: number; filesModeSource: string | null }[];
}

async function graphql<T>(
  system: BenchSystem,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${system.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

/** One create mutation (`createProject` with a `CreateProjectInput`, …): the new id. */
async function create(
  system: BenchSystem,
  mutation: string,
  input: Record<string, unknown>,
): Promise<string> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const query = ['mutation($i: ', type, '!) { ', mutation, '(input: $i) { id } }'].join('');
  const data = await graphql<Record<string, { id: string }>>(system, query, { i: input });
  return data[mutation].id;
}

async function prepare(system: BenchSystem, component: EvalComponent): Promise<string> {
  const projectId = await create(system, 'createProject', {
    name: `Eval ${component.name}`,
    description: '',
  });
  const { title, description, criteria } = component.story;
  const storyId = await create(system, 'createStory', {
    projectId,
    title,
    description,
    acceptanceCriteria: criteria,
  });
  const contextId = await create(system, 'createContext', {
    projectId,
    name: component.context,
    type: 'DOMAIN',
  });
  const componentId = await create(system, 'createComponent', {
    projectId,
    parentId: contextId,
    name: component.name,
    type: 'other',
    description: component.description,
  });
  // The story reaches the architect through the bus: retry the link until it does.
  for (let i = 0; ; i += 1) {
    try {
      await graphql(
        system,
        `
          mutation ($i: LinkStoryToComponentInput!) {
            linkStoryToComponent(input: $i) {
              id
            }
          }
        `,
        { i: { storyId, componentId } },
      );
      break;
    } catch (error) {
      if (i > 150) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await new Promise((r) => setTimeout(r, 1_000));
  return componentId;
}

async function runSession(system: BenchSystem, componentId: string, type: string): Promise<SessionView> {
  const { startSession } = await graphql<{ startSession: { id: string } }>(
    system,
    `
      mutation ($i: StartSessionInput!) {
        startSession(input: $i) {
          id
        }
      }
    `,
    { i: { componentId, type } },
  );
  const deadline = Date.now() + SESSION_TIMEOUT_MS;
  for (;;) {
    const { session } = await graphql<{ session: SessionView }>(
      system,
      `
        query ($id: ID!) {
          session(id: $id) {
            status
            reason
            steps {
              name
            }
            llmCalls {
              promptTokens
              completionTokens
              filesModeSource
            }
          }
        }
      `,
      { id: startSession.id },
    );
    if (session.status !== 'RUNNING') return session;
    if (Date.now() > deadline) return { ...session, status: 'TIMED_OUT' };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function evaluate(system: BenchSystem, component: EvalComponent) {
  const started = performance.now();
  const componentId = await prepare(system, component);
  const sessions: Record<string, SessionView> = {};
  for (const type of ['DESIGN', 'TESTS', 'CODE']) {
    sessions[type] = await runSession(system, componentId, type);
    process.stderr.write(
      `[eval:models] ${component.name} ${type}: ${sessions[type].status}${sessions[type].reason ? ` (${sessions[type].reason})` : ''}\n`,
    );
    if (sessions[type].status !== 'SUCCEEDED') break;
  }
  const all = Object.values(sessions);
  const calls = all.flatMap((s) => s.llmCalls);
  const code = sessions.CODE;
  return {
    component: component.name,
    outcome: ['DESIGN', 'TESTS', 'CODE'].map((t) => `${t} ${sessions[t]?.status ?? 'not run'}`).join(', '),
    succeeded: all.filter((s) => s.status === 'SUCCEEDED').length,
    calls: calls.length,
    tokens: calls.reduce((n, c) => n + c.promptTokens + c.completionTokens, 0),
    iterations: code?.status === 'SUCCEEDED' ? code.steps.filter((s) => s.name === 'run_tests').length : null,
    seconds: (performance.now() - started) / 1000,
    mode: calls.find((c) => c.filesModeSource)?.filesModeSource ?? 'n/a',
  };
}

async function main(): Promise<void> {
  const baseUrl = process.env.OPENAI_BASE_URL;
  if (!baseUrl) {
    process.stdout.write('eval:models: no endpoint (OPENAI_BASE_URL is unset); nothing to evaluate.\n');
    return;
  }
  const options = {
    dataDirPrefix: 'codemyspec-eval-',
    secret: SECRET,
    adminToken: ADMIN,
    env: { SANDBOX_DRIVER: process.env.SANDBOX_DRIVER ?? 'auto', SESSION_MAX_LLM_CALLS: '30' },
  };
  await withBenchSystem(options, async (system) => {
    const rows = [];
    for (const component of EVAL_COMPONENTS) rows.push(await evaluate(system, component));
    const model = process.env.OPENAI_MODEL ?? 'gpt-4.1-mini';
    process.stdout.write(
      `\nendpoint ${new URL(baseUrl).host}, model ${model}, files mode ${rows[0]?.mode}\n\n`,
    );
    process.stdout.write(
      '| component | sessions succeeded | LLM calls | tokens | iterations to green | time (s) | outcome |\n|---|---|---|---|---|---|---|\n',
    );
    for (const r of rows)
      process.stdout.write(
        `| ${r.component} | ${r.succeeded}/3 | ${r.calls} | ${r.tokens} | ${r.iterations ?? '—'} | ${r.seconds.toFixed(1)} | ${r.outcome} |\n`,
      );
    const total = rows.reduce((n, r) => n + r.succeeded, 0);
    process.stdout.write(`\n${total} of ${rows.length * 3} sessions succeeded.\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:models failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
