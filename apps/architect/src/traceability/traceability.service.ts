import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { PostgresEventStore } from '@app/platform';
import { ArchitectureRepository } from '../application/architecture.repository';
import { authorizeProject } from '../application/project-access';
import type { TraceabilityView } from '../application/views/traceability.view';
import type { ArchitectureState } from '../architecture/architecture.state';
import type { DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import type { TraceComponent, TraceEvidence } from './trace';
import { traceStories } from './trace-stories';
import { traceCriteria } from './trace';
import { TestResult } from './test-result.entity';

/** `traceability(projectId)`: gathers the chain's links from the architect's state and copies, then traces. */
@Injectable()
export class TraceabilityService {
  private readonly repository: ArchitectureRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {
    this.repository = new ArchitectureRepository(store);
  }

  async traceability(context: RequestContext, projectId: string): Promise<TraceabilityView> {
    authorizeProject(context.identity, projectId, 'read');
    const state = await this.repository.load(projectId);
    const stories = await traceStories(this.dataSource.manager, { projectId });
    const components = await this.components(state);
    const componentOfStory = new Map<string, TraceComponent>();
    for (const component of state.components.values())
      for (const storyId of component.storyIds) componentOfStory.set(storyId, components.get(component.id)!);
    const trace = traceCriteria({
      stories,
      componentOfStory,
      evidence: await this.evidence([...components.keys()]),
    });
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      projectId,
      complete: trace.complete,
      counts: trace.counts,
      criteria: trace.criteria.map((traced) => ({
        ...traced,
        tests: traced.tests.map((test) => ({
          ...test,
          lastRedAt: iso(test.lastRedAt),
          lastGreenAt: iso(test.lastGreenAt),
        })),
        commit: null,
      })),
    };
  }

  private async components(state: ArchitectureState): Promise<Map<string, TraceComponent>> {
    const found = new Map<string, TraceComponent>();
    for (const component of state.components.values()) {
      if (component.storyIds.length === 0) continue;
      found.set(component.id, {
        id: component.id,
        name: component.name,
        dirty: component.dirty,
        assertions: await this.acceptedAssertions(component.id, component.acceptedDesignVersion),
        acceptedAt: component.acceptedAt === null ? null : new Date(component.acceptedAt),
      });
    }
    return found;
  }

  private async acceptedAssertions(
    componentId: string,
    version: number | null,
  ): Promise<readonly string[] | null> {
    if (version === null) return null;
    const [accepted] = await this.store.readStream<DesignSubmitted>(designStreamId(componentId), {
      fromVersion: version,
      toVersion: version,
    });
    return accepted?.data.testAssertions ?? null;
  }

  private async evidence(componentIds: string[]): Promise<Map<string, Map<string, TraceEvidence>>> {
    const byComponent = new Map<string, Map<string, TraceEvidence>>();
    if (componentIds.length === 0) return byComponent;
    const results = await this.dataSource.manager.find(TestResult, {
      where: { componentId: In(componentIds) },
    });
    for (const { componentId, key, ...evidence } of results) {
      const tests = byComponent.get(componentId) ?? new Map<string, TraceEvidence>();
      tests.set(key, evidence);
      byComponent.set(componentId, tests);
    }
    return byComponent;
  }
}
