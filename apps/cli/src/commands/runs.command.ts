import type { Command } from '../command';
import { emit, statusWord, table } from '../output';
import { componentOption, intOption, positional } from '../project-ref';

interface RunView {
  id: string;
  outcome: string;
  evidence: string;
  evidenceReason: string;
  durationMs: number;
  testsPassed: number;
  testsFailed: number;
  startedAt?: string;
  tests: { name: string; status: string; failureKind: string | null; message: string | null }[];
}

const RUN =
  'id outcome evidence evidenceReason durationMs testsPassed testsFailed tests { name status failureKind message }';

export const runsListCommand: Command = {
  path: ['runs', 'list'],
  summary: "A component's test runs, newest first: outcome, evidence, counts",
  usage: 'codemyspec runs list --component <component> [--first <n>]',
  help: [],
  options: {
    component: { type: 'string', description: 'the component (name or id)' },
    project: { type: 'string', description: 'where to look for a component given by name' },
    first: { type: 'string', description: 'how many (default 20)' },
  },
  async run(context) {
    const componentId = await componentOption(context);
    const { graphql } = await context.connect();
    const { sandboxRuns } = await graphql<{ sandboxRuns: RunView[] }>(
      `query($c: ID!, $f: Int!) { sandboxRuns(componentId: $c, first: $f) { ${RUN} } }`,
      { c: componentId, f: intOption(context, 'first') ?? 20 },
    );
    emit(context, sandboxRuns, () =>
      table(
        sandboxRuns.map((r) => [
          r.id,
          statusWord(context, r.outcome),
          statusWord(context, r.evidence),
          `${r.testsPassed} passed, ${r.testsFailed} failed`,
          `${r.durationMs} ms`,
        ]),
        ['ID', 'OUTCOME', 'EVIDENCE', 'TESTS', 'TIME'],
      ),
    );
    return 0;
  },
};

export const runsShowCommand: Command = {
  path: ['runs', 'show'],
  summary: 'One test run: each test, and why it did or did not count as evidence',
  usage: 'codemyspec runs show <run-id>',
  help: [],
  options: {},
  async run(context) {
    const id = positional(context, 0, 'a run id');
    const { graphql } = await context.connect();
    const { sandboxRun } = await graphql<{ sandboxRun: RunView }>(
      `query($id: ID!) { sandboxRun(id: $id) { ${RUN} } }`,
      { id },
    );
    emit(context, sandboxRun, () =>
      [
        `run ${sandboxRun.id}: ${statusWord(context, sandboxRun.outcome)} in ${sandboxRun.durationMs} ms`,
        `evidence ${statusWord(context, sandboxRun.evidence)}: ${sandboxRun.evidenceReason}`,
        ...sandboxRun.tests.map(
          (t) =>
            `  ${statusWord(context, t.status).padEnd(7)} ${t.name}${t.failureKind ? ` (${t.failureKind})` : ''}${t.message ? `: ${t.message.split('\n')[0]}` : ''}`,
        ),
      ].join('\n'),
    );
    return 0;
  },
};
