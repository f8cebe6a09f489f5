import { deciderSpec } from '@app/testing/decider-spec';
import { architectureDecider } from './architecture.decider';
import type { ArchitectureCommand } from './architecture.commands';
import type { ArchitectureEvent } from '../architecture/architecture.events';
import type { ArchitectureState } from '../architecture/architecture.state';
import {
  codeStatusOf,
  designStatusOf,
  evolveArchitecture,
  initialArchitectureState,
  testStatusOf,
} from '../architecture/architecture.state';

const at = '2026-12-01T10:00:00.000Z';
const later = '2026-12-01T11:00:00.000Z';
const spec = deciderSpec(architectureDecider);

const created = (componentId: string, name: string): ArchitectureEvent => ({
  type: 'ComponentCreated',
  data: { componentId, projectId: 'p1', parentId: null, name, kind: 'module', description: '', at },
});
const linked = (
  storyId: string,
  componentId: string,
  componentName: string,
  when = at,
): ArchitectureEvent => ({
  type: 'StoryMappedToComponent',
  data: { storyId, componentId, componentName, at: when },
});
const design = (componentId: string, designVersion: number): ArchitectureEvent => ({
  type: 'ComponentDesignRecorded',
  data: { componentId, designVersion, valid: true, at },
});
const evidence = (componentId: string, kind: 'red' | 'green', runId: string): ArchitectureEvent => ({
  type: 'ComponentTestEvidenceRecorded',
  data: { componentId, runId, evidence: kind, at },
});

/** Api (accepted design, story s1) depends on Store (accepted design, story s2); Cli has no design. */
const history: ArchitectureEvent[] = [
  created('api', 'Api'),
  created('store', 'Store'),
  created('cli', 'Cli'),
  linked('s1', 'api', 'Api'),
  linked('s2', 'store', 'Store'),
  { type: 'DependencyAdded', data: { fromId: 'api', toId: 'store', at } },
  design('api', 1),
  design('store', 1),
];

function after(events: readonly ArchitectureEvent[], command: ArchitectureCommand): ArchitectureState {
  const state = events.reduce(evolveArchitecture, initialArchitectureState());
  return architectureDecider.decide(command, state).reduce(evolveArchitecture, state);
}

describe('changes inside the architecture make work stale, with their cause', () => {
  it('linking a story to a component with an accepted design: STORY_LINKED at the stream version it lands at', () => {
    spec
      .given(history)
      .when({
        type: 'MapStoryToComponent',
        storyId: 's3',
        storyProjectId: 'p1',
        storyTitle: 'Export',
        componentId: 'api',
        at: later,
      })
      .then([
        linked('s3', 'api', 'Api', later),
        {
          type: 'ComponentWentStale',
          data: {
            componentId: 'api',
            componentName: 'Api',
            storyIds: ['s1', 's3'],
            cause: {
              kind: 'STORY_LINKED',
              source: 'architecture-p1',
              version: history.length + 2,
              summary: '"Export" was linked to Api after its design was accepted',
              at: later,
            },
            at: later,
          },
        },
      ]);
  });

  it('a component without an accepted design has nothing to go stale', () => {
    spec
      .given(history)
      .when({
        type: 'MapStoryToComponent',
        storyId: 's3',
        storyProjectId: 'p1',
        componentId: 'cli',
        at: later,
      })
      .then([linked('s3', 'cli', 'Cli', later)]);
  });

  it('moving a story makes both ends DIRTY, each naming the stories that stay', () => {
    const state = after(history, {
      type: 'MapStoryToComponent',
      storyId: 's2',
      storyProjectId: 'p1',
      storyTitle: 'Save',
      componentId: 'api',
      replace: true,
      at: later,
    });
    const api = state.components.get('api')!;
    const store = state.components.get('store')!;
    expect(designStatusOf(api)).toBe('DIRTY');
    expect(api.dirtyCauses.map((c) => c.kind)).toEqual(['STORY_LINKED']);
    expect(store.dirtyCauses).toEqual([
      expect.objectContaining({ kind: 'STORY_UNLINKED', summary: '"Save" moved from Store to Api' }),
    ]);
    expect(designStatusOf(store)).toBe('DIRTY');
  });

  it('unlinking a story and adding or removing a dependency make the design DIRTY', () => {
    const unlinked = after(history, {
      type: 'UnmapStoryFromComponent',
      storyId: 's1',
      componentId: 'api',
      at: later,
    });
    expect(unlinked.components.get('api')!.dirtyCauses).toEqual([
      expect.objectContaining({
        kind: 'STORY_UNLINKED',
        summary: 'story s1 was unlinked from Api after its design was accepted',
      }),
    ]);
    const removed = after(history, { type: 'RemoveDependency', fromId: 'api', toId: 'store', at: later });
    expect(removed.components.get('api')!.dirtyCauses).toEqual([
      expect.objectContaining({ kind: 'DEPENDENCY_CHANGED', summary: 'Api no longer depends on Store' }),
    ]);
    const added = after(history, { type: 'AddDependency', fromId: 'store', toId: 'cli', at: later });
    expect(added.components.get('store')!.dirtyCauses).toEqual([
      expect.objectContaining({ kind: 'DEPENDENCY_CHANGED', summary: 'Store now depends on Cli' }),
    ]);
    expect(designStatusOf(added.components.get('cli')!)).toBe('MISSING');
  });

  it('a dependency redesigned makes its dependents DIRTY; its first design does not', () => {
    const redesigned = after(history, {
      type: 'RecordComponentDesign',
      componentId: 'store',
      designVersion: 2,
      valid: true,
      at: later,
    });
    expect(redesigned.components.get('api')!.dirtyCauses).toEqual([
      {
        kind: 'DEPENDENCY_CHANGED',
        source: 'design-store',
        version: 2,
        at: later,
        summary: 'Store, which Api depends on, has a new design (version 2, was 1)',
      },
    ]);
    expect(redesigned.components.get('store')!.dirty).toBe(false);
    const first = after(
      [...history, { type: 'DependencyAdded', data: { fromId: 'api', toId: 'cli', at } }, design('api', 2)],
      { type: 'RecordComponentDesign', componentId: 'cli', designVersion: 1, valid: true, at: later },
    );
    expect(first.components.get('api')!.dirtyCauses).toEqual([]);
  });

  it('a replaced design makes its tests DIRTY until red and its code DIRTY until green; the stories it verified go stale', () => {
    const verified = [
      ...history,
      evidence('api', 'red', 'r1'),
      evidence('api', 'green', 'g1'),
      {
        type: 'StoryVerified',
        data: { componentId: 'api', componentName: 'Api', storyId: 's1', runId: 'g1', at },
      },
    ] satisfies ArchitectureEvent[];
    spec
      .given(verified)
      .when({ type: 'RecordComponentDesign', componentId: 'api', designVersion: 2, valid: true, at: later })
      .then([
        {
          type: 'ComponentDesignRecorded',
          data: { componentId: 'api', designVersion: 2, valid: true, at: later },
        },
        {
          type: 'ComponentWentStale',
          data: {
            componentId: 'api',
            componentName: 'Api',
            storyIds: ['s1'],
            cause: {
              kind: 'DESIGN_CHANGED',
              source: 'design-api',
              version: 2,
              summary:
                'design version 2 of Api replaced version 1: its tests and code were written for the old one',
              at: later,
            },
            at: later,
          },
        },
      ]);
    let state = after(verified, {
      type: 'RecordComponentDesign',
      componentId: 'api',
      designVersion: 2,
      valid: true,
      at: later,
    });
    const status = () => {
      const api = state.components.get('api')!;
      return [designStatusOf(api), testStatusOf(api), codeStatusOf(api)];
    };
    expect(status()).toEqual(['ACCEPTED', 'DIRTY', 'DIRTY']);
    // Green before red proves nothing about the new design: still stale.
    const early = architectureDecider.decide(
      { type: 'RecordTestEvidence', componentId: 'api', runId: 'g0', evidence: 'green', at: later },
      state,
    );
    state = early.reduce(evolveArchitecture, state);
    expect(status()).toEqual(['ACCEPTED', 'DIRTY', 'DIRTY']);
    state = evolveArchitecture(state, evidence('api', 'red', 'r2'));
    expect(status()).toEqual(['ACCEPTED', 'RED', 'DIRTY']);
    const green = architectureDecider.decide(
      { type: 'RecordTestEvidence', componentId: 'api', runId: 'g2', evidence: 'green', at: later },
      state,
    );
    expect(green).toHaveLength(1); // recorded although an earlier green was
    state = green.reduce(evolveArchitecture, state);
    expect(status()).toEqual(['ACCEPTED', 'GREEN', 'GREEN']);
    expect(state.components.get('api')!.dirtyCauses).toEqual([]);
  });

  it('deleting a component by force makes its dependents DIRTY', () => {
    const state = after(history, { type: 'DeleteComponent', componentId: 'store', force: true, at: later });
    expect(state.components.has('store')).toBe(false);
    expect(state.components.get('api')!.dirtyCauses).toEqual([
      expect.objectContaining({
        kind: 'DEPENDENCY_CHANGED',
        summary: 'Store, which Api depended on, was deleted',
      }),
    ]);
  });
});
