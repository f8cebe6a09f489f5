import type { EntityManager } from 'typeorm';
import { CriterionCopy } from '../story-copies/criterion-copy.entity';
import { StoryCopy } from '../story-copies/story-copy.entity';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import type { ComponentState } from '../architecture/architecture.state';
import type { DesignAssertions } from './design-assertions';
import { positionKey } from './design-assertions';
import { evidenceSince } from './evidence-since';
import { designStreamId } from '../design/design.events';
import type { TraceComponent, TraceEvidence, TraceStory } from './trace';
import { TestResult } from './test-result.entity';

/** Which stories to trace: a project's, or some by id. */
export type TraceStoryFilter = { readonly projectId: string } | { readonly storyIds: readonly string[] };

/**
 * The (not deleted) story copies that match, by title, each with its criteria in their order: one
 * query, read as raw rows (a big project has thousands of criteria; hydrating each as an entity
 * cost more than the rest of the report).
 */
export async function traceStories(manager: EntityManager, filter: TraceStoryFilter): Promise<TraceStory[]> {
  const query = manager
    .createQueryBuilder(StoryCopy, 'story')
    .leftJoin(CriterionCopy, 'criterion', 'criterion.story_id = story.story_id')
    .select('story.story_id', 'storyId')
    .addSelect('story.title', 'title')
    .addSelect('criterion.criterion_id', 'criterionId')
    .addSelect('criterion.ref', 'ref')
    .addSelect('criterion.description', 'description')
    .addSelect('criterion.changed_at', 'changedAt')
    .where('story.deleted = false');
  if ('projectId' in filter) query.andWhere('story.project_id = :projectId', { projectId: filter.projectId });
  else if (filter.storyIds.length === 0) return [];
  else query.andWhere('story.story_id IN (:...storyIds)', { storyIds: [...filter.storyIds] });
  const rows = await query
    .orderBy('story.title', 'ASC')
    .addOrderBy('story.story_id', 'ASC')
    .addOrderBy('criterion.position', 'ASC')
    .getRawMany<{
      storyId: string;
      title: string;
      criterionId: string | null;
      ref: string | null;
      description: string | null;
      changedAt: Date | null;
    }>();
  const stories: { id: string; title: string; criteria: TraceStory['criteria'][number][] }[] = [];
  for (const row of rows) {
    let story = stories.at(-1);
    if (story?.id !== row.storyId)
      stories.push((story = { id: row.storyId, title: row.title, criteria: [] }));
    if (row.criterionId !== null)
      story.criteria.push({
        id: row.criterionId,
        ref: row.ref,
        description: row.description ?? '',
        changedAt: row.changedAt,
      });
  }
  return stories;
}

/**
 * Components as the trace needs them: each accepted design's assertions, and those of the versions
 * accepted before it (evidence of an unchanged assertion carries over), read in one query.
 */
export async function traceComponents(
  store: PostgresEventStore,
  components: readonly ComponentState[],
  designs: DesignAssertions,
  sql?: SqlExecutor,
): Promise<Map<string, TraceComponent>> {
  const position = (componentId: string, version: number) => ({
    streamId: designStreamId(componentId),
    version,
  });
  const assertionsAt = await designs.at(
    store,
    components.flatMap((c) => c.acceptedDesigns.map((design) => position(c.id, design.version))),
    sql,
  );
  const assertionsOf = (componentId: string, version: number) =>
    assertionsAt.get(positionKey(position(componentId, version)));
  return new Map(
    components.map((component) => {
      const accepted = component.acceptedDesigns.flatMap((design) => {
        const assertions = assertionsOf(component.id, design.version);
        return assertions ? [{ version: design.version, acceptedAt: new Date(design.at), assertions }] : [];
      });
      const traced: TraceComponent = {
        id: component.id,
        name: component.name,
        designVersion: component.acceptedDesignVersion,
        dirty: component.dirty,
        assertions:
          component.acceptedDesignVersion === null
            ? null
            : (assertionsOf(component.id, component.acceptedDesignVersion) ?? null),
        acceptedAt: component.acceptedAt === null ? null : new Date(component.acceptedAt),
        evidenceSince: evidenceSince(accepted),
        keptEvidence: new Map([...component.keptEvidence].map(([id, at]) => [id, new Date(at)])),
      };
      return [component.id, traced];
    }),
  );
}

/** The recorded evidence of the components' tests, by component and normalized test name (raw rows: thousands on a big project). */
export async function recordedEvidence(
  manager: EntityManager,
  componentIds: readonly string[],
): Promise<Map<string, Map<string, TraceEvidence>>> {
  const byComponent = new Map<string, Map<string, TraceEvidence>>();
  if (componentIds.length === 0) return byComponent;
  const rows = await manager
    .createQueryBuilder(TestResult, 'result')
    .select('result.component_id', 'componentId')
    .addSelect('result.key', 'key')
    .addSelect('result.name', 'name')
    .addSelect('result.last_red_run_id', 'lastRedRunId')
    .addSelect('result.last_red_at', 'lastRedAt')
    .addSelect('result.last_red_file_sha256', 'lastRedFileSha256')
    .addSelect('result.last_green_run_id', 'lastGreenRunId')
    .addSelect('result.last_green_at', 'lastGreenAt')
    .addSelect('result.last_green_file_sha256', 'lastGreenFileSha256')
    .where('result.component_id IN (:...componentIds)', { componentIds: [...componentIds] })
    .getRawMany<TraceEvidence & { componentId: string; key: string }>();
  for (const { componentId, key, ...evidence } of rows) {
    const tests = byComponent.get(componentId) ?? new Map<string, TraceEvidence>();
    tests.set(key, evidence);
    byComponent.set(componentId, tests);
  }
  return byComponent;
}
