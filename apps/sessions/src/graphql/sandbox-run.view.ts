import type { SandboxRunRecorded, StoredEvent } from '@app/domain';
import { isGreenRun, isRedRun, runEvidence, testEvidence } from '@app/domain';
import type { SandboxOutcomeEnum, SandboxRunModel } from './sandbox-run.model';

function evidenceOf(data: SandboxRunRecorded['data']) {
  const { evidence, reason } = runEvidence(data);
  return { evidence, evidenceReason: reason };
}

/** The GraphQL view of a recorded run. */
export function sandboxRunView(event: StoredEvent<SandboxRunRecorded>): SandboxRunModel {
  const data = event.data;
  return {
    id: data.runId,
    projectId: data.projectId,
    componentId: data.componentId,
    sessionId: data.sessionId ?? null,
    purpose: data.purpose,
    outcome: data.outcome as SandboxOutcomeEnum,
    exitCode: data.exitCode,
    durationMs: data.durationMs,
    testsPassed: data.testsPassed,
    testsFailed: data.testsFailed,
    tests: (data.tests ?? []).map((t) => ({
      name: t.name,
      status: t.status,
      message: t.message,
      failureKind: t.failureKind,
      durationMs: t.durationMs === null ? null : Math.round(t.durationMs),
      evidence: testEvidence(t),
    })),
    driver: data.driver ?? 'unknown',
    killedBy: data.killedBy ?? null,
    oomKilled: data.oomKilled ?? false,
    outputTruncated: data.outputTruncated ?? false,
    command: [...(data.argv ?? [])],
    image: data.image ?? '',
    workspaceVersion: data.workspaceVersion ?? 0,
    files: (data.files ?? []).map((f) => ({ path: f.path, sha256: f.sha256, tests: [...(f.tests ?? [])] })),
    error: data.error ?? null,
    recordedAt: data.recordedAt,
    redEvidence: isRedRun(data),
    greenEvidence: isGreenRun(data),
    ...evidenceOf(data),
    outputSha256: data.outputSha256 ?? '',
  };
}
