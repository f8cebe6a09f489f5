import type { DirtyCause } from './dirty-cause';
import { staleDesignCause } from './dirty-cause';
import { assertNever } from '@app/domain';
import type { ArchitectureEvent } from './architecture.events';
import type { ComponentKind } from '../component/component-kind';

export interface ComponentState {
  readonly id: string;
  readonly projectId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly description: string;
  readonly createdAt: string;
  readonly storyIds: readonly string[];
  readonly dependsOn: readonly string[];
  /** Number of design versions stored (valid or not). */
  readonly designVersions: number;
  readonly newestDesignValid: boolean | null;
  readonly acceptedDesignVersion: number | null;
  readonly acceptedAt: string | null;
  /** Every design version accepted, oldest first, with when (evidence of an unchanged assertion carries over). */
  readonly acceptedDesigns: readonly AcceptedDesign[];
  /** A failing test run was recorded since the accepted design. */
  readonly red: boolean;
  /** A passing test run was recorded since the accepted design. */
  readonly green: boolean;
  /** The design is stale: a linked story, the links or a dependency changed after it was accepted. */
  readonly dirty: boolean;
  /**
   * Every upstream change since the design was accepted, oldest first: what made it DIRTY, and a
   * `DESIGN_CHANGED` (its tests and code are stale) until new green evidence.
   */
  readonly dirtyCauses: readonly DirtyCause[];
  /** Linked stories found VERIFIED since the design was accepted or the component last went DIRTY. */
  readonly verifiedStoryIds: readonly string[];
  /**
   * Criteria whose changed text a waiver said the recorded evidence still verifies, with when it
   * said so (a later change of the text needs its tests to run again).
   */
  readonly keptEvidence: ReadonlyMap<string, string>;
}

export interface AcceptedDesign {
  readonly version: number;
  readonly at: string;
}

export interface ArchitectureState {
  readonly projectId: string | null;
  /** The stream's version: the number of events folded. */
  readonly version: number;
  readonly components: ReadonlyMap<string, ComponentState>;
}

export function initialArchitectureState(): ArchitectureState {
  return { projectId: null, version: 0, components: new Map() };
}

/**
 * A fold's working copy: its own component map, changed in place while a batch of events is folded.
 * Component objects are never changed, only replaced, because earlier states share them.
 */
interface Draft {
  projectId: string | null;
  readonly components: Map<string, ComponentState>;
}

function update(draft: Draft, id: string, change: (component: ComponentState) => ComponentState): void {
  const component = draft.components.get(id);
  if (component) draft.components.set(id, change(component));
}

type EventData<T extends ArchitectureEvent['type']> = Extract<ArchitectureEvent, { type: T }>['data'];

/** A new component: no stories, dependencies, designs or evidence yet. */
function create(draft: Draft, data: EventData<'ComponentCreated'>): void {
  const { componentId, projectId, parentId, name, kind, description, at } = data;
  draft.projectId = projectId;
  draft.components.set(componentId, {
    id: componentId,
    projectId,
    parentId,
    name,
    kind,
    description,
    createdAt: at,
    storyIds: [],
    dependsOn: [],
    designVersions: 0,
    newestDesignValid: null,
    acceptedDesignVersion: null,
    acceptedAt: null,
    acceptedDesigns: [],
    red: false,
    green: false,
    dirty: false,
    dirtyCauses: [],
    verifiedStoryIds: [],
    keptEvidence: new Map(),
  });
}

/** A story belongs to one component at a time: linking it here unlinks it wherever it was. */
function mapStory(draft: Draft, { storyId, componentId }: EventData<'StoryMappedToComponent'>): void {
  for (const [id, component] of draft.components)
    if (id !== componentId && component.storyIds.includes(storyId))
      draft.components.set(id, { ...component, storyIds: component.storyIds.filter((s) => s !== storyId) });
  update(draft, componentId, (c) => ({
    ...c,
    storyIds: [...c.storyIds.filter((s) => s !== storyId), storyId],
  }));
}

/** A valid design is accepted and starts the evidence afresh; an invalid one is only counted. */
function withDesign(c: ComponentState, data: EventData<'ComponentDesignRecorded'>): ComponentState {
  const { designVersion, valid, at } = data;
  if (!valid) return { ...c, designVersions: designVersion, newestDesignValid: false };
  return {
    ...c,
    designVersions: designVersion,
    newestDesignValid: true,
    acceptedDesignVersion: designVersion,
    acceptedAt: at,
    acceptedDesigns: [...c.acceptedDesigns, { version: designVersion, at }],
    red: false,
    green: false,
    dirty: false,
    dirtyCauses: [],
    verifiedStoryIds: [],
  };
}

export function evolveArchitecture(state: ArchitectureState, event: ArchitectureEvent): ArchitectureState {
  return foldArchitecture(state, [event]);
}

/**
 * `evolveArchitecture` over several events at once, with one copy of the component map instead of
 * one per event (a long stream folded from its start was O(events × components)). Pure: `state`
 * is left as it was.
 */
export function foldArchitecture(
  state: ArchitectureState,
  events: readonly ArchitectureEvent[],
): ArchitectureState {
  if (events.length === 0) return state;
  const draft: Draft = { projectId: state.projectId, components: new Map(state.components) };
  for (const event of events) apply(draft, event);
  return { projectId: draft.projectId, version: state.version + events.length, components: draft.components };
}

function apply(draft: Draft, event: ArchitectureEvent): void {
  switch (event.type) {
    case 'ComponentCreated':
      return create(draft, event.data);
    case 'StoryMappedToComponent':
      return mapStory(draft, event.data);
    case 'StoryUnmappedFromComponent':
      return update(draft, event.data.componentId, (c) => ({
        ...c,
        storyIds: c.storyIds.filter((s) => s !== event.data.storyId),
      }));
    case 'DependencyAdded':
      return update(draft, event.data.fromId, (c) => ({
        ...c,
        dependsOn: [...c.dependsOn, event.data.toId],
      }));
    case 'DependencyRemoved':
      return update(draft, event.data.fromId, (c) => ({
        ...c,
        dependsOn: c.dependsOn.filter((d) => d !== event.data.toId),
      }));
    case 'ComponentDesignRecorded':
      return update(draft, event.data.componentId, (c) => withDesign(c, event.data));
    case 'ComponentTestEvidenceRecorded':
      return update(draft, event.data.componentId, (c) =>
        event.data.evidence === 'red'
          ? { ...c, red: true }
          : // green after red since the design: the tests and code follow it again
            {
              ...c,
              green: true,
              dirtyCauses: c.red ? c.dirtyCauses.filter(staleDesignCause) : c.dirtyCauses,
            },
      );
    case 'ComponentRenamed':
      return update(draft, event.data.componentId, (c) => ({ ...c, name: event.data.name }));
    case 'ComponentDescribed':
      return update(draft, event.data.componentId, (c) => ({ ...c, description: event.data.description }));
    case 'ComponentDeleted':
      draft.components.delete(event.data.componentId);
      return;
    case 'ComponentDirtinessCleared':
      return; // the design or the waiver before it in the same append already cleared it
    case 'ComponentDirtinessWaived':
      return update(draft, event.data.componentId, (c) => waive(c, event.data));
    case 'ComponentMarkedDirty':
      return update(draft, event.data.componentId, (c) => ({
        ...c,
        dirty: true,
        dirtyCauses: [...c.dirtyCauses, causeOf(event.data)],
        verifiedStoryIds: [],
      }));
    case 'ComponentWentStale':
      return update(draft, event.data.componentId, (c) =>
        staleDesignCause(event.data.cause)
          ? { ...c, dirty: true, dirtyCauses: [...c.dirtyCauses, event.data.cause], verifiedStoryIds: [] }
          : { ...c, dirtyCauses: [...c.dirtyCauses, event.data.cause], verifiedStoryIds: [] },
      );
    case 'StoryVerified':
      return update(draft, event.data.componentId, (c) => ({
        ...c,
        verifiedStoryIds: [...c.verifiedStoryIds, event.data.storyId],
      }));
    default:
      return assertNever(event, 'architecture event');
  }
}

/**
 * The component once a waiver has accepted some of its causes: those are gone, it stays DIRTY
 * while a cause that makes its design stale is left, and the criteria the waiver named keep
 * their evidence.
 */
function waive(c: ComponentState, data: EventData<'ComponentDirtinessWaived'>): ComponentState {
  const waived = (cause: DirtyCause) =>
    data.waivedCauses.some(
      (w) => w.source === cause.source && w.version === cause.version && w.kind === cause.kind,
    );
  const dirtyCauses = c.dirtyCauses.filter((cause) => !waived(cause));
  const keptEvidence = new Map(c.keptEvidence);
  for (const { criterionId } of data.keptEvidence ?? []) keptEvidence.set(criterionId, data.at);
  return { ...c, dirtyCauses, dirty: dirtyCauses.some(staleDesignCause), keptEvidence };
}

/** The cause an event names; an event from before causes existed was a story revision. */
function causeOf(data: EventData<'ComponentMarkedDirty'>): DirtyCause {
  return (
    data.cause ?? {
      kind: 'STORY_REVISED',
      source: `story-${data.storyId}`,
      version: data.storyVersion,
      at: data.at,
      summary: data.reason,
    }
  );
}

export type DesignStatus = 'MISSING' | 'INVALID' | 'ACCEPTED' | 'DIRTY';
export type TestStatus = 'NONE' | 'RED' | 'GREEN' | 'DIRTY';
export type CodeStatus = 'NONE' | 'GREEN' | 'DIRTY';

export function designStatusOf(c: ComponentState): DesignStatus {
  if (c.dirty) return 'DIRTY';
  if (c.designVersions === 0) return 'MISSING';
  return c.newestDesignValid ? 'ACCEPTED' : 'INVALID';
}

/** The component's own design was replaced after evidence was gathered for the old one, and no green run followed. */
export function evidenceStale(c: ComponentState): boolean {
  return c.dirtyCauses.some((cause) => !staleDesignCause(cause));
}

export function testStatusOf(c: ComponentState): TestStatus {
  if (c.dirty) return 'DIRTY';
  if (evidenceStale(c)) return c.red ? 'RED' : 'DIRTY';
  if (c.green && c.red) return 'GREEN';
  return c.red ? 'RED' : 'NONE';
}

export function codeStatusOf(c: ComponentState): CodeStatus {
  if (c.dirty || evidenceStale(c)) return 'DIRTY';
  return c.red && c.green ? 'GREEN' : 'NONE';
}
