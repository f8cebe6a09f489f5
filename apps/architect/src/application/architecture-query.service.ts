import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { isUuid, NotFoundError } from '@app/domain';
import { StoryCopy } from '../story-copies/story-copy.entity';
import { dataSourceExecutor } from '@app/platform';
import { graphOf } from '../architecture/architecture.lookup';
import type { ArchitectureState } from '../architecture/architecture.state';
import type { HealthFinding, StoryCounts } from '../graph/architecture-health';
import { architectureFindings, healthOf } from '../graph/architecture-health';
import { architectureLayers } from '../graph/architecture-layers';
import { findCycle } from '../graph/dependency-cycle';
import { architectureMermaid } from '../graph/architecture-mermaid';
import { orphanedContexts } from '../graph/orphaned-contexts';
import { nextAction } from '../next-actions/next-action';
import { staleDesignCause } from '../architecture/dirty-cause';
import { ArchitectureReader } from './architecture-reader';
import type { ArchitectureView, ComponentView, NextActionView } from './views/architecture.view';
import { componentView, sortedComponents } from './views/component-view';
import { perState } from './views/per-state';
import { authorizeProject } from '../component-locations/project-access';
import { ComponentLocations } from '../component-locations/component-locations';

@Injectable()
export class ArchitectureQueryService {
  private readonly sql: SqlExecutor;

  constructor(
    dataSource: DataSource,
    private readonly architectures: ArchitectureReader,
    private readonly locations: ComponentLocations,
  ) {
    this.sql = dataSourceExecutor(dataSource);
  }

  async state(context: RequestContext, projectId: string): Promise<ArchitectureState> {
    authorizeProject(context.identity, projectId, 'read');
    return this.architectures.load(projectId);
  }

  async component(context: RequestContext, componentId: string): Promise<ComponentView> {
    const row = await this.locations.visible(context, componentId);
    const state = await this.architectures.load(row.projectId);
    const component = state.components.get(componentId);
    if (!component) throw new NotFoundError('component', componentId);
    return componentView(state, component);
  }

  /** Components by id within the projects the caller can see (unknown or hidden ids are left out). */
  async components(context: RequestContext, ids: readonly string[]): Promise<ComponentView[]> {
    const found: ComponentView[] = [];
    const states = new Map<string, Promise<ArchitectureState>>();
    for (const row of await this.locations.visibleMany(context, ids)) {
      if (!states.has(row.projectId)) states.set(row.projectId, this.architectures.load(row.projectId));
      const state = await states.get(row.projectId)!;
      const component = state.components.get(row.id);
      if (component) found.push(componentView(state, component));
    }
    return found;
  }

  /** The component a story is mapped onto, if the caller can see it. */
  async componentOfStory(context: RequestContext, storyId: string): Promise<ComponentView | null> {
    const copy = isUuid(storyId) ? await this.sql.manager.findOneBy(StoryCopy, { storyId }) : null;
    if (!copy) return null;
    const state = await this.state(context, copy.projectId).catch(() => undefined);
    const component = state && [...state.components.values()].find((c) => c.storyIds.includes(storyId));
    return state && component ? componentView(state, component) : null;
  }

  // Worked out once per folded state (see perState): on a big project they cost more than the read.
  async architecture(context: RequestContext, projectId: string): Promise<ArchitectureView> {
    const state = await this.state(context, projectId);
    // A project without architecture events has a fresh, empty state (and no id in it) each time.
    const graph = state.projectId === null ? architectureView(projectId, state) : architectureOf(state);
    // The coverage counts the project's stories, which the architecture's own events do not hold.
    const stories = await storyCounts(this.sql, projectId, linkedStoryIds(state));
    const health = healthOf(graph.findings, stories);
    return {
      projectId: graph.projectId,
      components: graph.components,
      dependencies: graph.dependencies,
      layers: graph.layers,
      orphanedContexts: graph.orphanedContexts,
      health: {
        score: health.score,
        level: health.level,
        storyCoverage: health.storyCoverage,
        findings: graph.findings,
      },
      get mermaid() {
        return graph.mermaid;
      },
      get cycle() {
        return graph.cycle;
      },
    };
  }

  async nextActions(context: RequestContext, projectId: string): Promise<NextActionView[]> {
    return nextActionsOf(await this.state(context, projectId));
  }
}

const architectureOf = perState((state) => architectureView(state.projectId!, state));

/** The architecture as far as its own events tell it: everything but the story coverage and score. */
interface GraphView extends Omit<ArchitectureView, 'health'> {
  readonly findings: readonly HealthFinding[];
}

function architectureView(projectId: string, state: ArchitectureState): GraphView {
  const views = new Map(sortedComponents(state).map((c) => [c.id, componentView(state, c)]));
  const { components, dependencies } = graphOf(state);
  const byId = (id: string) => views.get(id)!;
  return {
    projectId,
    components: [...views.values()],
    dependencies: dependencies
      .map((d) => ({ from: byId(d.fromId), to: byId(d.toId) }))
      .sort((a, b) => (a.from.name + a.to.name < b.from.name + b.to.name ? -1 : 1)),
    layers: architectureLayers(components, dependencies).map((layer) => layer.map(byId)),
    orphanedContexts: orphanedContexts(components, dependencies).map(byId),
    findings: architectureFindings(components, dependencies),
    // Worked out only when a query asks for them (GraphQL reads the property).
    get mermaid() {
      return architectureMermaid(components, dependencies);
    },
    get cycle() {
      return (findCycle(dependencies) ?? []).map((id) => byId(id).name);
    },
  };
}

/** The stories on some component of the architecture. */
function linkedStoryIds(state: ArchitectureState): string[] {
  return [...new Set([...state.components.values()].flatMap((c) => c.storyIds))];
}

/** The project's stories (not deleted), and how many of them are among `linked`. */
async function storyCounts(
  sql: SqlExecutor,
  projectId: string,
  linked: readonly string[],
): Promise<StoryCounts> {
  const counts = await sql.manager
    .createQueryBuilder(StoryCopy, 'story')
    .select('count(*)::int', 'total')
    .addSelect('(count(*) FILTER (WHERE story.story_id = ANY(:linked::uuid[])))::int', 'linked')
    .where('story.project_id = :projectId AND NOT story.deleted', { projectId, linked })
    .getRawOne<{ total: number; linked: number }>();
  return { total: counts?.total ?? 0, onComponents: counts?.linked ?? 0 };
}

const nextActionsOf = perState((state): NextActionView[] => {
  const actions: NextActionView[] = [];
  for (const component of sortedComponents(state)) {
    const next = nextAction({
      hasDesign: component.designVersions > 0,
      newestDesignValid: component.newestDesignValid === true,
      accepted: component.acceptedDesignVersion !== null,
      redRunRecorded: component.red,
      greenRunRecorded: component.green,
      dirty: component.dirty,
      dirtyBecause: component.dirtyCauses.filter(staleDesignCause).map((c) => c.summary),
      staleBecause: component.dirtyCauses.filter((c) => !staleDesignCause(c)).map((c) => c.summary),
    });
    if (next)
      actions.push({
        component: componentView(state, component),
        action: next.action,
        reason: next.reason,
      });
  }
  return actions;
});
