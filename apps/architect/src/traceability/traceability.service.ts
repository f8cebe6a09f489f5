import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RunCommit } from './run-commit.entity';
import type { RequestContext } from '@app/platform';
import { PostgresEventStore } from '@app/platform';
import { NotFoundError } from '@app/domain';
import { ProjectCopy } from '../story-copies/project-copy.entity';
import { ArchitectureReader } from '../application/architecture-reader';
import { authorizeProject } from '../component-locations/project-access';
import type { TraceabilityView } from './traceability.view';
import type { TraceComponent } from './trace';
import { recordedEvidence, traceComponents, traceStories } from './trace-inputs';
import { traceCriteria } from './trace';
import { DesignAssertions } from './design-assertions';
import type { TracePageRequest } from './trace-page';
import { traceCriteriaPage } from './trace-page';

/** The scope (a project, or one of its components) and the page of criteria asked for. */
export interface TraceabilityRequest extends TracePageRequest {
  readonly componentId?: string | null;
}

/** `traceability(projectId, …)`: gathers the chain's links from the architect's state and copies, then traces. */
@Injectable()
export class TraceabilityService {
  private readonly designs = new DesignAssertions();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly architectures: ArchitectureReader,
  ) {}

  async traceability(
    context: RequestContext,
    projectId: string,
    request: TraceabilityRequest = {},
  ): Promise<TraceabilityView> {
    authorizeProject(context.identity, projectId, 'read');
    const [known, state] = await Promise.all([
      this.dataSource.manager.existsBy(ProjectCopy, { projectId }),
      this.architectures.load(projectId),
    ]);
    // A gate on a mistyped project id must fail, not pass on an empty report.
    if (!known) throw new NotFoundError('project', projectId);
    const { componentId } = request;
    const only = componentId ? state.components.get(componentId) : undefined;
    if (componentId && !only) throw new NotFoundError('component', componentId);
    const inScope = only ? [only] : [...state.components.values()];
    const linked = inScope.filter((component) => component.storyIds.length > 0);
    // Three independent reads, each on its own pooled connection.
    const [stories, components, evidence] = await Promise.all([
      traceStories(this.dataSource.manager, only ? { storyIds: only.storyIds } : { projectId }),
      traceComponents(this.store, linked, this.designs),
      recordedEvidence(
        this.dataSource.manager,
        linked.map((component) => component.id),
      ),
    ]);
    const componentOfStory = new Map<string, TraceComponent>();
    for (const component of linked)
      for (const storyId of component.storyIds) componentOfStory.set(storyId, components.get(component.id)!);
    const trace = traceCriteria({ stories, componentOfStory, evidence });
    const page = traceCriteriaPage(trace.criteria, request);
    const greenRuns = page.items.flatMap((c) =>
      c.tests.flatMap((t) => (t.lastGreenRunId ? [t.lastGreenRunId] : [])),
    );
    const commits = new Map(
      greenRuns.length === 0
        ? []
        : (await this.dataSource.manager.findBy(RunCommit, { runId: In([...new Set(greenRuns)]) })).map(
            (r) => [r.runId, r.commit],
          ),
    );
    /** The commit of the newest green run among the criterion's tests, once the record made it. */
    const commitOf = (tests: readonly { lastGreenRunId: string | null; lastGreenAt: Date | null }[]) =>
      [...tests]
        .filter((t) => t.lastGreenRunId && commits.has(t.lastGreenRunId))
        .sort((a, b) => (b.lastGreenAt?.getTime() ?? 0) - (a.lastGreenAt?.getTime() ?? 0))
        .map((t) => commits.get(t.lastGreenRunId!)!)[0] ?? null;
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      projectId,
      complete: trace.complete,
      counts: trace.counts,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      criteria: page.items.map((traced) => ({
        ...traced,
        tests: traced.tests.map((test) => ({
          ...test,
          lastRedAt: iso(test.lastRedAt),
          lastGreenAt: iso(test.lastGreenAt),
        })),
        commit: commitOf(traced.tests),
      })),
    };
  }
}
