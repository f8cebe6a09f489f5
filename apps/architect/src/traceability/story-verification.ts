import type { SandboxRunRecorded } from '@app/domain';
import { normalizeTestName } from '@app/domain';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import type { ComponentState } from '../architecture/architecture.state';
import { evidenceNames, withRun } from './evidence-names';
import type { TraceEvidence } from './trace';
import { recordedEvidence, traceComponents, traceStories } from './trace-inputs';
import { DesignAssertions } from './design-assertions';
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
  const verified = await verifiedStories(store, sql, component, (recorded) => withRunOf(run, recorded));
  return verified.map((v) => v.storyId);
}

/**
 * The linked stories whose every criterion is VERIFIED with the evidence recorded so far (after a
 * waiver, no new run needed), each with the green run that verified the last of its tests.
 */
export function storiesVerifiedNow(
  store: PostgresEventStore,
  sql: SqlExecutor,
  component: ComponentState,
): Promise<{ storyId: string; runId: string }[]> {
  return verifiedStories(store, sql, component, (recorded) => new Map(recorded));
}

/** The trace of the component's stories with `evidence` made of what is recorded; the stories it verifies. */
async function verifiedStories(
  store: PostgresEventStore,
  sql: SqlExecutor,
  component: ComponentState,
  evidence: (recorded: ReadonlyMap<string, TraceEvidence> | undefined) => Map<string, TraceEvidence>,
): Promise<{ storyId: string; runId: string }[]> {
  if (component.acceptedDesignVersion === null || component.dirty || component.storyIds.length === 0)
    return [];
  const stories = await traceStories(sql.manager, { storyIds: component.storyIds });
  const traced = (await traceComponents(store, [component], new DesignAssertions(), sql)).get(component.id)!;
  const recorded = (await recordedEvidence(sql.manager, [component.id])).get(component.id);
  const trace = traceCriteria({
    stories,
    componentOfStory: new Map(stories.map((story) => [story.id, traced])),
    evidence: new Map([[component.id, evidence(recorded)]]),
  });
  const verified: { storyId: string; runId: string }[] = [];
  for (const story of stories) {
    const criteria = trace.criteria.filter((c) => c.story.id === story.id);
    if (criteria.length === 0 || criteria.some((c) => c.status !== 'VERIFIED')) continue;
    const newest = criteria
      .flatMap((c) => c.tests)
      .filter((t) => t.lastGreenAt !== null && t.lastGreenRunId !== null)
      .sort((a, b) => b.lastGreenAt!.getTime() - a.lastGreenAt!.getTime())[0];
    verified.push({ storyId: story.id, runId: newest?.lastGreenRunId ?? '' });
  }
  return verified;
}

/** The recorded evidence with `run` laid over it. */
function withRunOf(
  run: SandboxRunRecorded['data'],
  recorded: ReadonlyMap<string, TraceEvidence> = new Map(),
): Map<string, TraceEvidence> {
  const tests = new Map(recorded);
  for (const test of evidenceNames(run)) {
    const key = normalizeTestName(test.name);
    tests.set(key, withRun(tests.get(key), test, run));
  }
  return tests;
}
