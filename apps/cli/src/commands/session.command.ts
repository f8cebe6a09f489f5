import { requireValue } from '../command';
import type { Command, CommandContext } from '../command';
import { CliError } from '../cli-error';
import type { ProgressEvent } from '../progress-bar';
import { progressLine, renderBar } from '../progress-bar';
import { componentOption } from '../project-ref';

const TYPES = ['DESIGN', 'COMPONENT_DESIGNS', 'TESTS', 'CODE'];

/** Follows a session over graphql-ws until it ends; prints a progress line per event. Exit 0 only if it SUCCEEDED. */
async function watch(context: CommandContext, sessionId: string): Promise<number> {
  const { config, graphql } = await context.connect();
  const { session } = await graphql<{ session: { type: string; status: string } }>(
    'query($id: ID!) { session(id: $id) { type status } }',
    {
      id: sessionId,
    },
  );
  // Loaded when a session is watched: graphql-ws brings graphql-js along, which no other command needs.
  const { createClient } = await import('graphql-ws');
  const client = createClient({
    url: `${config.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${config.token}` },
    retryAttempts: 3,
  });
  const events: ProgressEvent[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ sessionProgress: ProgressEvent }>(
        {
          query:
            'subscription($id: ID!) { sessionProgress(sessionId: $id) { type step attempt status detail } }',
          variables: { id: sessionId },
        },
        {
          next: (message) => {
            if (message.errors?.length)
              return reject(new CliError(message.errors.map((e) => e.message).join('; ')));
            events.push(message.data!.sessionProgress);
            if (context.json) return context.out(JSON.stringify(message.data!.sessionProgress));
            const line = progressLine(session.type, events);
            if (context.isTTY)
              process.stdout.write(`\r\x1b[2K${line}${events.at(-1)!.status === 'RUNNING' ? '' : '\n'}`);
            else context.out(line);
          },
          error: (error: unknown) =>
            reject(
              error instanceof Error
                ? error
                : new CliError(`the progress stream failed: ${JSON.stringify(error)}`),
            ),
          complete: resolve,
        },
      );
    });
  } finally {
    await client.dispose();
  }
  const status = events.at(-1)?.status ?? 'UNKNOWN';
  const detail = events.at(-1)?.detail;
  if (!context.json)
    context.out(`${renderBar(1)} session ${sessionId} ${status}${detail ? `: ${detail}` : ''}`);
  return status === 'SUCCEEDED' ? 0 : 1;
}

export const sessionStartCommand: Command = {
  path: ['session', 'start'],
  summary: 'Start an automated session (DESIGN, COMPONENT_DESIGNS, TESTS or CODE)',
  usage: 'codemyspec session start --component <component> --type <type> [--max-iterations <n>] [--watch]',
  help: ['Prints the session id.'],
  options: {
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
    type: { type: 'string' },
    'max-iterations': { type: 'string' },
    watch: {
      type: 'boolean',
      description: 'follow it with a progress bar until it ends (exit 0 only if it SUCCEEDED)',
    },
  },
  async run(context) {
    const type = requireValue(context, 'type').toUpperCase();
    if (!TYPES.includes(type)) throw new CliError(`--type is one of ${TYPES.join(', ')}`, 2);
    const raw = context.values['max-iterations'];
    const maxIterations = typeof raw === 'string' ? Number(raw) : undefined;
    if (maxIterations !== undefined && !Number.isInteger(maxIterations))
      throw new CliError('--max-iterations is a whole number', 2);
    const componentId = await componentOption(context);
    const { graphql } = await context.connect();
    const { startSession } = await graphql<{ startSession: { id: string } }>(
      'mutation($i: StartSessionInput!) { startSession(input: $i) { id } }',
      { i: { componentId, type, maxIterations } },
    );
    context.out(context.json ? JSON.stringify(startSession) : startSession.id);
    return context.values.watch ? watch(context, startSession.id) : 0;
  },
};

export const sessionWatchCommand: Command = {
  path: ['session', 'watch'],
  summary: 'Follow a session with a progress bar until it ends',
  usage: 'codemyspec session watch <session-id>',
  help: ['Exits 0 if the session SUCCEEDED, 1 otherwise.'],
  options: {},
  async run(context) {
    const sessionId = context.positionals[0];
    if (!sessionId) throw new CliError('a session id is required (see --help)', 2);
    return watch(context, sessionId);
  },
};

interface SessionSummary {
  id: string;
  type: string;
  status: string;
  componentName: string;
  reason: string | null;
  summary: string | null;
  steps: { name: string; attempt: number; status: string; detail: string | null }[];
  budget: { llmCallsUsed: number; tokensUsed: number; maxLlmCalls: number; maxTokens: number };
}

const SESSION_FIELDS =
  'id type status componentName reason summary steps { name attempt status detail } budget { llmCallsUsed tokensUsed maxLlmCalls maxTokens }';

function renderSession(s: SessionSummary): string {
  return [
    `${s.type} session of ${s.componentName}: ${s.status}${s.reason ? ` (${s.reason})` : s.summary ? ` (${s.summary})` : ''}`,
    `budget: ${s.budget.llmCallsUsed}/${s.budget.maxLlmCalls} LLM calls, ${s.budget.tokensUsed}/${s.budget.maxTokens} tokens`,
    ...s.steps.map(
      (step) =>
        `  ${`${step.name}#${step.attempt}`.padEnd(20)} ${step.status.padEnd(9)} ${step.detail ?? ''}`,
    ),
  ].join('\n');
}

/** One operation on a session named by the first positional, printed as the session ends up. */
async function sessionOperation(context: CommandContext, operation: 'query' | 'mutation', field: string) {
  const id = context.positionals[0];
  if (!id) throw new CliError('a session id is required (see --help)', 2);
  const { graphql } = await context.connect();
  const data = await graphql<Record<string, SessionSummary>>(
    `${operation}($id: ID!) { ${field}(id: $id) { ${SESSION_FIELDS} } }`,
    { id },
  );
  const session = data[field];
  context.out(context.json ? JSON.stringify(session, null, 2) : renderSession(session));
  return 0;
}

export const sessionShowCommand: Command = {
  path: ['session', 'show'],
  summary: 'A session: its steps, budget and outcome',
  usage: 'codemyspec session show <session-id>',
  help: [],
  options: {},
  run: (context) => sessionOperation(context, 'query', 'session'),
};

export const sessionCancelCommand: Command = {
  path: ['session', 'cancel'],
  summary: 'Cancel a running session (its in-flight step stops)',
  usage: 'codemyspec session cancel <session-id>',
  help: [],
  options: {},
  run: (context) => sessionOperation(context, 'mutation', 'cancelSession'),
};
