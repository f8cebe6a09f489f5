import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { In } from 'typeorm';
import { CriterionCopy } from '../reactions/criterion-copy.entity';
import { StoryCopy } from '../reactions/story-copy.entity';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import type { ComponentState } from '../architecture/architecture.state';
import type { DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import type { TraceComponent, TraceEvidence, TraceStory } from './trace';
import { TestResult } from './test-result.entity';

/** The (not deleted) story copies that match, by title, each with its criteria in their order. */
export async function traceStories(
  manager: EntityManager,
  where: FindOptionsWhere<StoryCopy>,
): Promise<TraceStory[]> {
  const copies = await manager.find(StoryCopy, {
    where: { ...where, deleted: false },
    order: { title: 'ASC' },
  });
  if (copies.length === 0) return [];
  const criteria = await manager.find(CriterionCopy, {
    where: { storyId: In(copies.map((copy) => copy.storyId)) },
    order: { position: 'ASC' },
  });
  const byStory = new Map<string, TraceStory['criteria'][number][]>();
  for (const { storyId, criterionId, ref, description } of criteria) {
    const list = byStory.get(storyId) ?? [];
    list.push({ id: criterionId, ref, description });
    byStory.set(storyId, list);
  }
  return copies.map((copy) => ({
    id: copy.storyId,
    title: copy.title,
    criteria: byStory.get(copy.storyId) ?? [],
  }));
}

/** Components as the trace needs them: each accepted design's assertions, read in one query. */
export async function traceComponents(
  store: PostgresEventStore,
  components: readonly ComponentState[],
  sql?: SqlExecutor,
): Promise<Map<string, TraceComponent>> {
  const accepted = await store.readAt<DesignSubmitted>(
    components.flatMap((c) =>
      c.acceptedDesignVersion === null
        ? []
        : [{ streamId: designStreamId(c.id), version: c.acceptedDesignVersion }],
    ),
    sql,
  );
  const assertionsOf = new Map(accepted.map((e) => [e.streamId, e.data.testAssertions]));
  return new Map(
    components.map((component) => [
      component.id,
      {
        id: component.id,
        name: component.name,
        dirty: component.dirty,
        assertions: assertionsOf.get(designStreamId(component.id)) ?? null,
        acceptedAt: component.acceptedAt === null ? null : new Date(component.acceptedAt),
      },
    ]),
  );
}

/** The recorded evidence of the components' tests, by component and normalized test name. */
export async function recordedEvidence(
  manager: EntityManager,
  componentIds: readonly string[],
): Promise<Map<string, Map<string, TraceEvidence>>> {
  const byComponent = new Map<string, Map<string, TraceEvidence>>();
  if (componentIds.length === 0) return byComponent;
  for (const { componentId, key, ...evidence } of await manager.findBy(TestResult, {
    componentId: In([...componentIds]),
  })) {
    const tests = byComponent.get(componentId) ?? new Map<string, TraceEvidence>();
    tests.set(key, evidence);
    byComponent.set(componentId, tests);
  }
  return byComponent;
}
