import { classifyOutcome } from './sandbox-outcome';
import type { RunFacts } from './sandbox-outcome';
import type { TestResult } from './sandbox.port';

const test = (status: TestResult['status']): TestResult => ({
  name: status,
  status,
  message: null,
  failureKind: null,
  durationMs: 1,
  file: null,
});

const facts = (overrides: Partial<RunFacts>): RunFacts => ({
  runnerError: null,
  killedBy: null,
  oomKilled: false,
  diskFull: false,
  exitCode: 0,
  tests: [test('PASSED')],
  ...overrides,
});

describe('classifyOutcome', () => {
  it.each<[string, Partial<RunFacts>, string]>([
    ['all passed', {}, 'PASSED'],
    ['a failure', { exitCode: 1, tests: [test('PASSED'), test('FAILED')] }, 'FAILED'],
    ['a cancelled test counts as failed', { exitCode: 1, tests: [test('CANCELLED')] }, 'FAILED'],
    ['zero tests, exit 0', { tests: [] }, 'NO_TESTS'],
    ['only skipped and todo tests', { tests: [test('SKIPPED'), test('TODO')] }, 'NO_TESTS'],
    ['zero tests, non-zero exit', { tests: [], exitCode: 2 }, 'FAILED'],
    ['tests passed but the command failed', { exitCode: 1 }, 'FAILED'],
    ['our wall-clock kill', { killedBy: 'timeout', exitCode: 137 }, 'TIMEOUT'],
    ['our output kill', { killedBy: 'output_limit', exitCode: 137 }, 'OUTPUT_LIMIT'],
    ['the kernel OOM kill', { oomKilled: true, exitCode: 137, tests: [] }, 'OOM'],
    ['our kill explains a 137 before an OOM flag', { killedBy: 'timeout', oomKilled: true }, 'TIMEOUT'],
    ['a full disk quota, even if every test passed', { diskFull: true }, 'DISK_LIMIT'],
    [
      'a full disk quota with failures',
      { diskFull: true, exitCode: 1, tests: [test('FAILED')] },
      'DISK_LIMIT',
    ],
    ['an OOM kill before a full disk', { diskFull: true, oomKilled: true }, 'OOM'],
    ['the runner failed', { runnerError: 'no such image', exitCode: null, tests: [] }, 'ERROR'],
  ])('%s → %s', (_name, overrides, outcome) => {
    expect(classifyOutcome(facts(overrides))).toBe(outcome);
  });
});
