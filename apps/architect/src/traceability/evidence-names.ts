import type { SandboxRunRecorded } from '@app/domain';
import { normalizeTestName, RED_FAILURE_KINDS } from '@app/domain';
import type { TraceEvidence } from './trace';

/** One test a run is evidence for, and the content hash of the test file that declares it (when known). */
export interface EvidenceOfTest {
  readonly name: string;
  readonly fileSha256: string | null;
}

/**
 * The tests a run is evidence for: in a green run every passing test; in a red run every test that
 * failed for the right reason, a whole test file that failed that way (its import of the missing
 * implementation) standing for the tests it declares.
 */
export function evidenceNames(run: SandboxRunRecorded['data'], red: boolean): EvidenceOfTest[] {
  const files = run.files ?? [];
  const declaredIn = new Map<string, string>();
  for (const file of files)
    for (const name of file.tests ?? []) declaredIn.set(normalizeTestName(name), file.sha256);
  const of = (name: string): EvidenceOfTest => ({
    name,
    fileSha256: declaredIn.get(normalizeTestName(name)) ?? null,
  });
  return (run.tests ?? []).flatMap((test) => {
    if (!red) return test.status === 'PASSED' ? [of(test.name)] : [];
    if (test.status !== 'FAILED' || !RED_FAILURE_KINDS.includes(test.failureKind ?? '')) return [];
    const file = files.find((f) => f.path === test.name);
    return file ? (file.tests ?? []).map((name) => ({ name, fileSha256: file.sha256 })) : [of(test.name)];
  });
}

/** A test's evidence after one more red or green run. */
export function withRun(
  known: TraceEvidence | undefined,
  test: EvidenceOfTest,
  run: SandboxRunRecorded['data'],
  red: boolean,
): TraceEvidence {
  const at = new Date(run.recordedAt);
  return {
    name: test.name,
    lastRedRunId: red ? run.runId : (known?.lastRedRunId ?? null),
    lastRedAt: red ? at : (known?.lastRedAt ?? null),
    lastRedFileSha256: red ? test.fileSha256 : (known?.lastRedFileSha256 ?? null),
    lastGreenRunId: red ? (known?.lastGreenRunId ?? null) : run.runId,
    lastGreenAt: red ? (known?.lastGreenAt ?? null) : at,
    lastGreenFileSha256: red ? (known?.lastGreenFileSha256 ?? null) : test.fileSha256,
  };
}
