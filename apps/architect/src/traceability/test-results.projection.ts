import type { SandboxRunRecorded } from '@app/domain';
import type { Projection, ProjectionDeps } from '@app/platform';
import { contractHandlers, writeEntity } from '@app/platform';
import { normalizeTestName, SANDBOX_RUN_STREAM, SESSIONS_SERVICE } from '@app/domain';
import { evidenceNames, withRun } from './evidence-names';
import { TestResult } from './test-result.entity';

/**
 * The evidence per test: a test that failed for the right reason in a red run, and a test that
 * passed in a red or green run, each with the run and its time. Runs of a component count for that
 * component only; a run that is neither red nor green changes nothing.
 */
export function testResultsProjection(deps: ProjectionDeps): Projection {
  return {
    name: 'architect.test_results',
    schema: deps.config.schema,
    tables: ['test_results'],
    sources: [{ service: SESSIONS_SERVICE, streamTypes: [SANDBOX_RUN_STREAM] }],
    handlers: contractHandlers<SandboxRunRecorded>({
      SandboxRunRecorded: async (event, { manager }) => {
        const run = event.data;
        for (const test of evidenceNames(run)) {
          const key = normalizeTestName(test.name);
          const known = await manager.findOneBy(TestResult, { componentId: run.componentId, key });
          const result: TestResult = {
            componentId: run.componentId,
            key,
            ...withRun(known ?? undefined, test, run),
          };
          await writeEntity(manager, TestResult, result, 'update');
        }
      },
    }),
  };
}
