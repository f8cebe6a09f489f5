import type { SandboxRunRecorded } from '@app/domain';
import { evidenceNames } from './evidence-names';

type Run = SandboxRunRecorded['data'];
const test = (name: string, status: string, failureKind: string | null = null) => ({
  name,
  status,
  message: null,
  failureKind,
  durationMs: 1,
});
const run = (tests: ReturnType<typeof test>[], files: Run['files'] = []): Run => ({
  runId: 'r1',
  projectId: 'p1',
  componentId: 'c1',
  purpose: 'MANUAL',
  outcome: tests.every((t) => t.status === 'PASSED') ? 'PASSED' : 'FAILED',
  exitCode: 0,
  durationMs: 10,
  testsPassed: tests.filter((t) => t.status === 'PASSED').length,
  testsFailed: tests.filter((t) => t.status === 'FAILED').length,
  recordedAt: '2026-12-07T10:00:00.000Z',
  designVersion: 2,
  tests,
  files,
});
const file = {
  path: 'test/lock.test.ts',
  sha256: 'f'.repeat(64),
  tests: ['locks after five failures', 'unlocks after an hour'],
  testHashes: [
    { name: 'locks after five failures', sha256: 'a'.repeat(64) },
    { name: 'unlocks after an hour', sha256: 'b'.repeat(64) },
  ],
};

describe('evidenceNames', () => {
  it('gives each test of a red run its own evidence: red for the failing, green for the passing', () => {
    const rework = run(
      [test('locks after five failures', 'FAILED', 'assertion'), test('unlocks after an hour', 'PASSED')],
      [file],
    );
    expect(evidenceNames(rework)).toEqual([
      { name: 'locks after five failures', fileSha256: `test:${'a'.repeat(64)}`, red: true },
      { name: 'unlocks after an hour', fileSha256: `test:${'b'.repeat(64)}`, red: false },
    ]);
  });

  it('lets a test file that failed as a whole (the missing implementation) stand for the tests it declares', () => {
    const missing = run([test('test/lock.test.ts', 'FAILED', 'missing_module')], [file]);
    expect(evidenceNames(missing).map((e) => [e.name, e.red])).toEqual([
      ['locks after five failures', true],
      ['unlocks after an hour', true],
    ]);
  });

  it("uses the file's hash for runs recorded before tests had their own", () => {
    const older = run([test('unlocks after an hour', 'PASSED')], [{ ...file, testHashes: undefined }]);
    expect(evidenceNames(older)).toEqual([
      { name: 'unlocks after an hour', fileSha256: 'f'.repeat(64), red: false },
    ]);
  });

  it('is evidence for no test when one failed for the wrong reason or the design was missing', () => {
    const broken = run([
      test('locks after five failures', 'FAILED', 'assertion'),
      test('b', 'FAILED', 'syntax'),
    ]);
    expect(evidenceNames(broken)).toEqual([]);
    expect(evidenceNames({ ...run([test('a', 'PASSED')]), designVersion: null })).toEqual([]);
  });
});
