import { assertNever, NotFoundError } from '@app/domain';
import type { StoryEvent } from './story.events';
import type { StoryPriority, StoryStatus } from './story.values';

export interface AcceptanceCriterion {
  readonly id: string;
  /** `AC-<n>`, unique in the project; null for a criterion recorded before references existed. */
  readonly ref: string | null;
  readonly description: string;
  readonly verified: boolean;
}

/** The component (from the architect service) a story is mapped onto. */
export interface StoryComponent {
  readonly id: string;
  readonly name: string;
}

/** A story as it stands after some number of its events (`version`). */
export interface Story {
  readonly id: string;
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  readonly status: StoryStatus;
  readonly priority: StoryPriority;
  readonly tags: readonly string[];
  readonly acceptanceCriteria: readonly AcceptanceCriterion[];
  readonly component: StoryComponent | null;
  readonly createdAt: string;
  /** Time of the latest event folded in. */
  readonly updatedAt: string;
  /** Number of events folded in: the stream version this state stands at. */
  readonly version: number;
  /** Set once the story is deleted; a deleted story accepts no command. */
  readonly deletedAt: string | null;
}

/** `null` until the stream holds a StoryCreated. */
export type StoryState = Story | null;

export function initialStoryState(): StoryState {
  return null;
}

/** The story as its StoryCreated event describes it. */
function createdStory(state: StoryState, event: Extract<StoryEvent, { type: 'StoryCreated' }>): Story {
  const { data } = event;
  return {
    id: data.storyId,
    projectId: data.projectId,
    title: data.title,
    description: data.description,
    status: 'IN_PROGRESS',
    priority: data.priority,
    tags: [...data.tags],
    acceptanceCriteria: data.acceptanceCriteria.map((c) => ({
      id: c.id,
      ref: c.ref ?? null,
      description: c.description,
      verified: false,
    })),
    component: null,
    createdAt: data.createdAt,
    updatedAt: data.createdAt,
    version: (state?.version ?? 0) + 1,
    deletedAt: null,
  };
}

type CriterionEvent = Extract<
  StoryEvent,
  {
    type:
      | 'AcceptanceCriterionAdded'
      | 'AcceptanceCriterionUpdated'
      | 'AcceptanceCriterionRemoved'
      | 'AcceptanceCriterionVerified'
      | 'AcceptanceCriteriaReferenced';
  }
>;

/** The criteria after one criterion event (an update makes a criterion unverified again). */
function evolveCriteria(
  criteria: Story['acceptanceCriteria'],
  event: CriterionEvent,
): Story['acceptanceCriteria'] {
  if (event.type === 'AcceptanceCriteriaReferenced') {
    const refs = new Map(event.data.refs.map((r) => [r.criterionId, r.ref]));
    return criteria.map((c) => ({ ...c, ref: refs.get(c.id) ?? c.ref }));
  }
  const { criterionId } = event.data;
  switch (event.type) {
    case 'AcceptanceCriterionAdded':
      return [
        ...criteria,
        {
          id: criterionId,
          ref: event.data.ref ?? null,
          description: event.data.description,
          verified: false,
        },
      ];
    case 'AcceptanceCriterionUpdated':
      return criteria.map((c) =>
        c.id === criterionId ? { ...c, description: event.data.description, verified: false } : c,
      );
    case 'AcceptanceCriterionRemoved':
      return criteria.filter((c) => c.id !== criterionId);
    case 'AcceptanceCriterionVerified':
      return criteria.map((c) => (c.id === criterionId ? { ...c, verified: true } : c));
    default:
      return assertNever(event, 'criterion event');
  }
}

export function evolveStory(state: StoryState, event: StoryEvent): StoryState {
  if (event.type === 'StoryCreated') return createdStory(state, event);
  // Anything before a StoryCreated cannot describe a story; a well-formed stream never has it.
  if (state === null) return null;
  const next = { version: state.version + 1 };
  switch (event.type) {
    case 'StoryRevised':
      return {
        ...state,
        ...next,
        title: event.data.title,
        description: event.data.description,
        updatedAt: event.data.revisedAt,
      };
    case 'AcceptanceCriterionAdded':
    case 'AcceptanceCriterionUpdated':
    case 'AcceptanceCriterionRemoved':
    case 'AcceptanceCriterionVerified':
    case 'AcceptanceCriteriaReferenced':
      return {
        ...state,
        ...next,
        acceptanceCriteria: evolveCriteria(state.acceptanceCriteria, event),
        updatedAt: event.data.at,
      };
    case 'StoryTagsChanged':
      return { ...state, ...next, tags: [...event.data.tags], updatedAt: event.data.at };
    case 'StoryPrioritized':
      return { ...state, ...next, priority: event.data.priority, updatedAt: event.data.at };
    case 'StoryStatusChanged':
      return { ...state, ...next, status: event.data.status, updatedAt: event.data.at };
    case 'StoryLinkedToComponent':
      return {
        ...state,
        ...next,
        component: { id: event.data.componentId, name: event.data.componentName },
        updatedAt: event.data.at,
      };
    case 'StoryUnlinkedFromComponent':
      return {
        ...state,
        ...next,
        component: state.component?.id === event.data.componentId ? null : state.component,
        updatedAt: event.data.at,
      };
    case 'StoryDeleted':
      return { ...state, ...next, deletedAt: event.data.at, updatedAt: event.data.at };
    default:
      return assertNever(event, 'story event');
  }
}

/**
 * The story after its events, or after only the first `atVersion` of them (time travel:
 * `story(id, atVersion)`). `null` when no StoryCreated is among them.
 */
export function foldStory(events: readonly StoryEvent[], atVersion?: number): StoryState {
  const upTo = atVersion === undefined ? events : events.slice(0, Math.max(0, atVersion));
  return upTo.reduce(evolveStory, initialStoryState());
}

/** The story a command may act on: it exists and is not deleted; otherwise NotFoundError. */
export function requireLiveStory(state: StoryState, storyId: string): Story {
  if (state === null || state.deletedAt !== null) throw new NotFoundError('story', storyId);
  return state;
}
