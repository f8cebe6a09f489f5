import type { SandboxRunRecorded } from '@app/domain';
import { isGreenRun, isRedRun, normalizeTestName, testEvidence } from '@app/domain';
import type { TraceEvidence } from './trace';
import { ownSource } from './test-source';

/** One test a run is evidence for, red or green, and the hash of its source (its own, or its file's) when known. */
export interface EvidenceOfTest {
  readonly name: string;
  readonly fileSha256: string | null;
  readonly red: boolean;
}

/**
 * The tests a red or green run is evidence for, each by its own result: a test that passed is
 * green, one that failed for the right reason red, a whole test file that failed that way (its
 * import of the missing implementation) standing for the tests it declares. A run that is neither
 * red nor green is evidence for no test.
 */
export function evidenceNames(run: SandboxRunRecorded['data']): EvidenceOfTest[] {
  if (!isRedRun(run) && !isGreenRun(run)) return [];
  const files = run.files ?? [];
  const declaredIn = new Map<string, string>();
  for (const file of files)
    for (const [name, hash] of testSources(file)) declaredIn.set(normalizeTestName(name), hash);
  const of = (name: string, red: boolean): EvidenceOfTest => ({
    name,
    fileSha256: declaredIn.get(normalizeTestName(name)) ?? null,
    red,
  });
  return (run.tests ?? []).flatMap((test) => {
    const evidence = testEvidence(test);
    if (evidence === 'GREEN') return [of(test.name, false)];
    if (evidence === 'NONE') return [];
    const file = files.find((f) => f.path === test.name);
    return file
      ? [...testSources(file)].map(([name, fileSha256]) => ({ name, fileSha256, red: true }))
      : [of(test.name, true)];
  });
}

/**
 * The tests a file declares, each with the hash of its source: its own (`test:<sha256>`, the file
 * without the other tests) when the run told it, else the whole file's.
 */
function testSources(file: NonNullable<SandboxRunRecorded['data']['files']>[number]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const name of file.tests ?? []) sources.set(name, file.sha256);
  for (const { name, sha256 } of file.testHashes ?? []) sources.set(name, ownSource(sha256));
  return sources;
}

/** A test's evidence after one more run that was evidence for it. */
export function withRun(
  known: TraceEvidence | undefined,
  test: EvidenceOfTest,
  run: SandboxRunRecorded['data'],
): TraceEvidence {
  const red = test.red;
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
