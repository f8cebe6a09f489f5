import type { Command, CommandContext } from '../command';
import { resolveConfig } from '../cli-config';
import { graphqlClient } from '../graphql-client';
import { paint } from '../output';

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

interface SystemStatus {
  sandboxDriver: string | null;
  sandboxProblem: string | null;
  llmConfigured: boolean;
  llmModel: string | null;
  eventBus: string;
}

const nodeCheck = (): Check => {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 22
    ? { name: 'node', ok: true, detail: `Node.js ${process.versions.node}` }
    : {
        name: 'node',
        ok: false,
        detail: `Node.js ${process.versions.node} is too old: install Node.js 24 (nvm install 24)`,
      };
};

async function gatewayChecks(context: CommandContext): Promise<Check[]> {
  const config = await resolveConfig(
    {
      url: typeof context.values.url === 'string' ? context.values.url : undefined,
      token: typeof context.values.token === 'string' ? context.values.token : undefined,
    },
    process.env,
  ).catch(() => null);
  const url =
    config?.url ?? (typeof context.values.url === 'string' ? context.values.url : 'http://127.0.0.1:4000');
  const ready = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.ok,
    () => false,
  );
  if (!ready)
    return [
      {
        name: 'gateway',
        ok: false,
        detail: `${url} does not answer: start it with "npm start" (or pass --url)`,
      },
    ];
  const checks: Check[] = [{ name: 'gateway', ok: true, detail: `${url} is ready` }];
  if (!config)
    return [
      ...checks,
      { name: 'token', ok: false, detail: 'no token: codemyspec login --url <gateway> --token <token>' },
    ];
  const graphql = graphqlClient(config);
  const me = await graphql<{ me: { actor: string; role: string } }>('{ me { actor role } }').catch(
    (e: Error) => e,
  );
  if (me instanceof Error)
    return [
      ...checks,
      { name: 'token', ok: false, detail: `${me.message}: codemyspec login --token <a valid token>` },
    ];
  checks.push({ name: 'token', ok: true, detail: `${me.me.actor}, role ${me.me.role}` });
  const status = await graphql<{ systemStatus: SystemStatus }>(
    '{ systemStatus { sandboxDriver sandboxProblem llmConfigured llmModel eventBus } }',
  ).catch((e: Error) => e);
  if (status instanceof Error) return [...checks, { name: 'services', ok: false, detail: status.message }];
  const s = status.systemStatus;
  return [
    ...checks,
    s.sandboxDriver
      ? { name: 'sandbox', ok: true, detail: `${s.sandboxDriver} runs the tests` }
      : {
          name: 'sandbox',
          ok: false,
          detail: s.sandboxProblem ?? 'no sandbox: apt-get install bubblewrap, or start Docker',
        },
    s.llmConfigured
      ? { name: 'llm', ok: true, detail: `automated sessions use ${s.llmModel ?? 'the configured model'}` }
      : {
          name: 'llm',
          ok: true,
          detail:
            'not configured: manual mode only (set OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL for automated sessions)',
        },
    { name: 'event bus', ok: true, detail: s.eventBus },
  ];
}

export const doctorCommand: Command = {
  path: ['doctor'],
  summary: 'Check this set-up: Node, the gateway, the token, the sandbox, the LLM, the event bus',
  usage: 'codemyspec doctor',
  help: ['Each line is OK or says what fixes it; exits 1 when something needs fixing.'],
  options: {},
  async run(context) {
    const checks = [nodeCheck(), ...(await gatewayChecks(context))];
    if (context.json) context.out(JSON.stringify(checks, null, 2));
    else
      for (const check of checks)
        context.out(
          `${check.ok ? paint(context, 'green', 'OK ') : paint(context, 'red', 'FIX')}  ${check.name.padEnd(10)} ${check.detail}`,
        );
    return checks.every((c) => c.ok) ? 0 : 1;
  },
};
