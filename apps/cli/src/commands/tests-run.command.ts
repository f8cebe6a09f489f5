import type { Command } from '../command';
import { CliError } from '../cli-error';
import { directoryFiles } from '../directory-files';
import { gitRefFiles } from '../git-ref-files';
import { componentOption, projectOption } from '../project-ref';

interface Run {
  id: string;
  outcome: string;
  exitCode: number | null;
  durationMs: number;
  driver: string;
  testsPassed: number;
  testsFailed: number;
  tests: { name: string; status: string; message: string | null; failureKind: string | null }[];
  output: string;
  redEvidence: boolean;
  greenEvidence: boolean;
  evidence: string;
  evidenceReason: string;
  alignment: { designVersion: number | null; missing: string[] };
}

const MARK: Record<string, string> = { PASSED: '✓', FAILED: '✗', CANCELLED: '✗', SKIPPED: '-', TODO: '-' };

export const testsRunCommand: Command = {
  path: ['tests', 'run'],
  summary: 'Upload a directory, run its tests in the sandbox, print the result of each test',
  usage:
    'codemyspec tests run <dir> --project <project> --component <component> [--ref <git ref>] [--command <cmd>] [--expect red|green] [--evidence] [--output]',
  help: [
    'The run is recorded as evidence for the component (the architect derives its test and code status).',
  ],
  options: {
    project: { type: 'string' },
    component: { type: 'string' },
    command: {
      type: 'string',
      description: 'the test command, run without a shell (default: the project\'s, else "node --test")',
    },
    expect: {
      type: 'string',
      description:
        'red: exit 0 only if the run is red evidence (tests fail, none pass); green (default): only if all pass',
    },
    evidence: {
      type: 'boolean',
      description:
        'refuse the run unless it can count as evidence (an accepted design, a test named after one of its assertions)',
    },
    ref: {
      type: 'string',
      description:
        'run the files of that commit of the git repository <dir> (a clone: codemyspec clone), docs/ left out',
    },
    output: { type: 'boolean', description: "also print the run's output" },
  },
  async run(context) {
    const dir = context.positionals[0];
    if (!dir) throw new CliError('a directory is required (see --help)', 2);
    const projectId = await projectOption(context);
    const componentId = await componentOption(context);
    const expect = context.values.expect ?? 'green';
    if (expect !== 'red' && expect !== 'green') throw new CliError('--expect is red or green', 2);
    const ref = context.values.ref;
    const files = typeof ref === 'string' ? await gitRefFiles(dir, ref) : await directoryFiles(dir);
    const { graphql } = await context.connect();
    context.err(`running ${files.length} file(s) from ${dir} …`);
    const { runTests } = await graphql<{ runTests: Run }>(
      `
        mutation ($i: RunTestsInput!) {
          runTests(input: $i) {
            id
            outcome
            exitCode
            durationMs
            driver
            testsPassed
            testsFailed
            redEvidence
            greenEvidence
            evidence
            evidenceReason
            alignment {
              designVersion
              missing
            }
            tests {
              name
              status
              message
              failureKind
            }
            output
          }
        }
      `,
      {
        i: {
          projectId,
          componentId,
          files,
          command: context.values.command ?? null,
          asEvidence: context.values.evidence === true,
        },
      },
    );
    if (context.json) {
      context.out(JSON.stringify(runTests, null, 2));
      return (expect === 'red' ? runTests.redEvidence : runTests.greenEvidence) ? 0 : 1;
    }
    for (const test of runTests.tests) {
      context.out(
        `${MARK[test.status] ?? '?'} ${test.name}${test.status === 'PASSED' ? '' : ` (${test.status.toLowerCase()}${test.failureKind ? `, ${test.failureKind}` : ''})`}`,
      );
      if (test.message && test.status !== 'PASSED') context.out(`    ${test.message.split('\n')[0]}`);
    }
    if (context.values.output) context.out(runTests.output);
    context.out(
      `${runTests.outcome}: ${runTests.testsPassed} passed, ${runTests.testsFailed} failed in ${runTests.durationMs} ms (${runTests.driver}, run ${runTests.id})`,
    );
    context.out(`evidence: ${runTests.evidence} (${runTests.evidenceReason})`);
    const { designVersion, missing } = runTests.alignment;
    if (designVersion !== null && missing.length > 0)
      context.out(
        `no test for ${missing.length} assertion(s) of design version ${designVersion}: ${missing.join('; ')}`,
      );
    return (expect === 'red' ? runTests.redEvidence : runTests.greenEvidence) ? 0 : 1;
  },
};
