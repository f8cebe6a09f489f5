import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { SandboxRunRecorded } from '@app/domain';
import { isGreenRun, isRedRun, normalizeTestName } from '@app/domain';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import type { ComponentState } from '../architecture/architecture.state';
import type { DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import { evidenceNames, withRun } from './evidence-names';
import { TestResult } from './test-result.entity';
import type { TraceEvidence } from './trace';
import { traceStories } from './trace-stories';
import { traceCriteria } from './trace';

/**
 * The stories of `component` whose every criterion is VERIFIED once `run` counts: the evidence
 * recorded so far with this run's laid over it (so the answer does not depend on whether the
 * test-results read model has seen the run yet).
 */
export async function storiesVerifiedBy(
  store: PostgresEventStore,
  sql: SqlExecutor,
  component: ComponentState,
  run: SandboxRunRecorded['data'],
): Promise<string[]> {
  if (component.acceptedDesignVersion === null || component.dirty || component.storyIds.length === 0)
    return [];
  const stories = await traceStories(sql.manager, { storyId: In([...component.storyIds]) });
  const [design] = await store.readStream<DesignSubmitted>(designStreamId(component.id), {
    fromVersion: component.acceptedDesignVersion,
    toVersion: component.acceptedDesignVersion,
    sql,
  });
  const trace = traceCriteria({
    stories,
    componentOfStory: new Map(
      stories.map((story) => [
        story.id,
        {
          id: component.id,
          name: component.name,
          dirty: component.dirty,
          assertions: design?.data.testAssertions ?? null,
          acceptedAt: component.acceptedAt === null ? null : new Date(component.acceptedAt),
        },
      ]),
    ),
    evidence: new Map([[component.id, await evidenceWith(sql.manager, component.id, run)]]),
  });
  return stories
    .filter((story) => story.criteria.length > 0)
    .filter((story) =>
      trace.criteria.filter((c) => c.story.id === story.id).every((c) => c.status === 'VERIFIED'),
    )
    .map((story) => story.id);
}

async function evidenceWith(
  manager: EntityManager,
  componentId: string,
  run: SandboxRunRecorded['data'],
): Promise<Map<string, TraceEvidence>> {
  const tests = new Map<string, TraceEvidence>();
  for (const { key, ...evidence } of await manager.findBy(TestResult, { componentId }))
    tests.set(key, evidence);
  const red = isRedRun(run);
  if (!red && !isGreenRun(run)) return tests;
  for (const test of evidenceNames(run, red)) {
    const key = normalizeTestName(test.name);
    tests.set(key, withRun(tests.get(key), test, run, red));
  }
  return tests;
}
