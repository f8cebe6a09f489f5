import type { SandboxRunRecorded } from '../contracts/sessions.contract';
import { isRedRun, testEvidence } from '../contracts/sessions.contract';
import { runEvidence } from './run-evidence';

type Run = SandboxRunRecorded['data'];
type Test = NonNullable<Run['tests']>[number];

const test = (name: string, status: string, failureKind: string | null = null): Test => ({
  name,
  status,
  message: null,
  failureKind,
  durationMs: 1,
});
const run = (outcome: Run['outcome'], tests: Test[]): Run => ({
  runId: 'r1',
  projectId: 'p1',
  componentId: 'c1',
  purpose: 'MANUAL',
  outcome,
  exitCode: outcome === 'PASSED' ? 0 : 1,
  durationMs: 10,
  testsPassed: tests.filter((t) => t.status === 'PASSED').length,
  testsFailed: tests.filter((t) => t.status === 'FAILED').length,
  recordedAt: '2026-12-01T10:00:00.000Z',
  tests,
});

describe('runEvidence', () => {
  it('is GREEN when every test passed', () => {
    expect(runEvidence(run('PASSED', [test('a', 'PASSED'), test('b', 'PASSED')]))).toEqual({
      evidence: 'GREEN',
      reason: 'all 2 tests passed',
    });
  });

  it('is RED when every test failed on an assertion or the missing implementation', () => {
    expect(
      runEvidence(
        run('FAILED', [test('a', 'FAILED', 'assertion'), test('t.ts', 'FAILED', 'missing_module')]),
      ),
    ).toEqual({
      evidence: 'RED',
      reason: '2 tests failed on an assertion or the missing implementation, and none passed',
    });
  });

  it('is RED when a changed test fails on an assertion while the unchanged ones pass (rework)', () => {
    const rework = run('FAILED', [
      test('returns seven characters', 'PASSED'),
      test('locks after five failures', 'FAILED', 'assertion'),
      test('is case sensitive', 'PASSED'),
    ]);
    expect(runEvidence(rework)).toEqual({
      evidence: 'RED',
      reason:
        '1 test failed on an assertion or the missing implementation; 2 tests passed beside it (red for the failing, green for the passing)',
    });
    expect(isRedRun(rework)).toBe(true);
    expect(rework.tests!.map(testEvidence)).toEqual(['GREEN', 'RED', 'GREEN']);
  });

  it('is not RED when one failure has the wrong reason, however many are right', () => {
    const mixed = run('FAILED', [
      test('a', 'FAILED', 'assertion'),
      test('b', 'FAILED', 'runtime'),
      test('c', 'PASSED'),
    ]);
    expect(isRedRun(mixed)).toBe(false);
    expect(runEvidence(mixed).evidence).toBe('NONE');
    expect(mixed.tests!.map(testEvidence)).toEqual(['RED', 'NONE', 'GREEN']);
  });

  it('keeps the old rule for runs that do not list their tests: red only when nothing passed', () => {
    expect(isRedRun({ ...run('FAILED', []), testsFailed: 2 })).toBe(true);
    expect(isRedRun({ ...run('FAILED', []), testsFailed: 2, testsPassed: 1 })).toBe(false);
    expect(testEvidence(test('skipped', 'SKIPPED'))).toBe('NONE');
    expect(testEvidence(test('cancelled', 'CANCELLED', 'cancelled'))).toBe('NONE');
  });

  it('says why a run proves nothing', () => {
    expect(runEvidence(run('FAILED', [test('test/x.test.ts', 'FAILED', 'syntax')]))).toEqual({
      evidence: 'NONE',
      reason:
        'test/x.test.ts failed with a syntax error, not on an assertion: it proves nothing about the code',
    });
    expect(runEvidence(run('FAILED', [test('a', 'PASSED'), test('b', 'FAILED', 'syntax')]))).toEqual({
      evidence: 'NONE',
      reason: 'b failed with a syntax error, not on an assertion: it proves nothing about the code',
    });
    expect(runEvidence({ ...run('FAILED', []), testsPassed: 2, testsFailed: 1 })).toEqual({
      evidence: 'NONE',
      reason:
        '2 tests passed and 1 failed, and the run does not list its tests: it cannot tell which failed for the right reason',
    });
    const dependency = {
      ...test('test/x.test.ts', 'FAILED', 'missing_dependency'),
      message:
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'left-pad' imported from /sandbox/workspace/test/x.test.ts",
    };
    expect(runEvidence(run('FAILED', [dependency]))).toEqual({
      evidence: 'NONE',
      reason:
        "test/x.test.ts could not load a module that is not the component's own implementation (Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'left-pad' imported from /sandbox/workspace/test/x.test.ts): it proves nothing about the code",
    });
    expect(runEvidence(run('NO_TESTS', []))).toEqual({ evidence: 'NONE', reason: 'no test ran' });
    expect(runEvidence(run('TIMEOUT', [test('a', 'FAILED', 'timeout')])).reason).toBe('the run timed out');
  });
});

describe('runEvidence without an accepted design', () => {
  it('is no evidence, whatever the tests did', () => {
    const passed = { ...run('PASSED', [test('a', 'PASSED')]), designVersion: null };
    expect(runEvidence(passed)).toEqual({
      evidence: 'NONE',
      reason: 'the component had no accepted design: tests are written from one, so this run is no evidence',
    });
    expect(runEvidence({ ...passed, designVersion: 2 }).evidence).toBe('GREEN');
  });
});
