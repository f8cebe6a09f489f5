import type { SandboxRunRecorded } from '@app/domain';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import { isGreenRun, isRedRun } from '@app/domain';
import type { ArchitectureRepository } from '../commands/architecture.repository';
import { storiesVerifiedBy } from '../traceability/story-verification';

type Metadata = { actor: string; correlationId?: string; causationId: string };

/**
 * A red or green run of a component is recorded as its evidence; a green run that completes the
 * chain for a linked story (every criterion VERIFIED) records that story as verified too.
 */
export async function recordRunEvidence(
  repository: ArchitectureRepository,
  store: PostgresEventStore,
  sql: SqlExecutor,
  run: SandboxRunRecorded['data'],
  metadata: Metadata,
): Promise<void> {
  const evidence = isRedRun(run) ? 'red' : isGreenRun(run) ? 'green' : undefined;
  if (!evidence) return;
  const before = await repository.load(run.projectId, sql);
  if (!before.components.has(run.componentId)) return;
  const { state } = await repository.execute(
    sql,
    run.projectId,
    {
      type: 'RecordTestEvidence',
      componentId: run.componentId,
      runId: run.runId,
      evidence,
      at: run.recordedAt,
    },
    metadata,
  );
  const component = state.components.get(run.componentId);
  if (evidence !== 'green' || !component) return;
  for (const storyId of await storiesVerifiedBy(store, sql, component, run))
    await repository.execute(
      sql,
      run.projectId,
      {
        type: 'RecordStoryVerified',
        componentId: component.id,
        storyId,
        runId: run.runId,
        at: run.recordedAt,
      },
      metadata,
    );
}
