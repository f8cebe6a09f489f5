import type { ArchitectureEvent } from './architecture.events';
import { evolveArchitecture, foldArchitecture, initialArchitectureState } from './architecture.state';

const at = '2026-12-02T10:00:00.000Z';

/** A project's history: components, stories linked and moved, dependencies, designs, evidence, a deletion. */
function history(components: number, stories: number): ArchitectureEvent[] {
  const id = (i: number) => `c${i}`;
  const events: ArchitectureEvent[] = [];
  for (let i = 0; i < components; i++)
    events.push({
      type: 'ComponentCreated',
      data: {
        componentId: id(i),
        projectId: 'p',
        parentId: null,
        name: `C${i}`,
        kind: 'other',
        description: '',
        at,
      },
    });
  for (let s = 0; s < stories; s++) {
    const link = (componentId: string): ArchitectureEvent => ({
      type: 'StoryMappedToComponent',
      data: { storyId: `s${s}`, componentId, componentName: componentId, at },
    });
    events.push(link(id(s % components)));
    if (s % 3 === 0) events.push(link(id((s + 1) % components))); // moved to another component
  }
  for (let i = 1; i < components; i++) {
    events.push({ type: 'DependencyAdded', data: { fromId: id(i), toId: id(i - 1), at } });
    events.push({
      type: 'ComponentDesignRecorded',
      data: { componentId: id(i), designVersion: 1, valid: true, at },
    });
    events.push({
      type: 'ComponentTestEvidenceRecorded',
      data: { componentId: id(i), runId: `r${i}`, evidence: i % 2 ? 'red' : 'green', at },
    });
  }
  events.push({
    type: 'ComponentDeleted',
    data: { componentId: id(0), name: 'C0', forced: true, unlinkedStoryIds: [], removedDependencies: [], at },
  });
  return events;
}

const snapshot = (state: ReturnType<typeof initialArchitectureState>) =>
  JSON.stringify({ ...state, components: [...state.components.entries()] });

describe('foldArchitecture', () => {
  it('gives the state of evolving one event after the other', () => {
    const events = history(12, 40);
    const oneByOne = events.reduce(evolveArchitecture, initialArchitectureState());
    const atOnce = foldArchitecture(initialArchitectureState(), events);
    expect(snapshot(atOnce)).toEqual(snapshot(oneByOne));
    expect(atOnce.version).toBe(events.length);
    // A story belongs to one component: s0 moved from c0 (deleted since) to c1.
    expect(atOnce.components.get('c1')?.storyIds).toContain('s0');
  });

  it('leaves the state it folds from as it was (cached states are folded on again)', () => {
    const events = history(6, 12);
    const half = foldArchitecture(initialArchitectureState(), events.slice(0, 20));
    const before = snapshot(half);
    foldArchitecture(half, events.slice(20));
    evolveArchitecture(half, events[20]);
    expect(snapshot(half)).toBe(before);
  });

  it('returns the same state for no events', () => {
    const state = foldArchitecture(initialArchitectureState(), history(2, 2));
    expect(foldArchitecture(state, [])).toBe(state);
  });
});
