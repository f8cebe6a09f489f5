import type { ArtifactCommitted } from '@app/domain';
import type { Projection, ProjectionDeps } from '@app/platform';
import { contractHandlers, writeEntity } from '@app/platform';
import { GIT_COMMIT_STREAM, SESSIONS_SERVICE } from '@app/domain';
import { RunCommit } from './run-commit.entity';

/** The commits of green code, by run, from the sessions service's git record. */
export function runCommitsProjection(deps: ProjectionDeps): Projection {
  return {
    name: 'architect.run_commits',
    schema: deps.config.schema,
    tables: ['run_commits'],
    sources: [{ service: SESSIONS_SERVICE, streamTypes: [GIT_COMMIT_STREAM] }],
    handlers: contractHandlers<ArtifactCommitted>({
      ArtifactCommitted: async (event, { manager }) => {
        const { kind, sandboxRunId, componentId, commit } = event.data;
        if (kind !== 'GREEN' || !sandboxRunId || !componentId) return;
        await writeEntity(manager, RunCommit, { runId: sandboxRunId, componentId, commit }, 'ignore');
      },
    }),
  };
}
