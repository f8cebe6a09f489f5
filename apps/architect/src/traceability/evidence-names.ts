import type { SandboxRunRecorded } from '@app/domain';
import { RED_FAILURE_KINDS } from '@app/domain';

/**
 * The tests a run is evidence for: in a green run every passing test; in a red run every test that
 * failed for the right reason, a whole test file that failed that way (its import of the missing
 * implementation) standing for the tests it declares.
 */
export function evidenceNames(run: SandboxRunRecorded['data'], red: boolean): string[] {
  const declared = new Map((run.files ?? []).map((file) => [file.path, file.tests ?? []]));
  return (run.tests ?? []).flatMap((test) => {
    if (!red) return test.status === 'PASSED' ? [test.name] : [];
    if (test.status !== 'FAILED' || !RED_FAILURE_KINDS.includes(test.failureKind ?? '')) return [];
    return declared.get(test.name) ?? [test.name];
  });
}
