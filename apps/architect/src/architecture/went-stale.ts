import type { DirtyCauseKind } from './dirty-cause';
import type { ArchitectureEvent, ComponentWentStale } from './architecture.events';
import type { ArchitectureState, ComponentState } from './architecture.state';
import { staleDesignCause } from './dirty-cause';

/**
 * The component's work went stale because of a change in the architecture stream itself (a link or
 * a dependency): the cause points at the stream version the change lands at, `decided` being the
 * events decided before it in the same append. Nothing when the component has no accepted design
 * (there is no work to go stale yet).
 */
export function staleByGraphChange(
  state: ArchitectureState,
  decided: readonly ArchitectureEvent[],
  target: ComponentState,
  change: { kind: DirtyCauseKind; summary: string; storyIds?: readonly string[]; at: string },
): ComponentWentStale[] {
  if (target.acceptedAt === null || state.projectId === null) return [];
  return [
    wentStale(target, {
      kind: change.kind,
      source: `architecture-${state.projectId}`,
      version: state.version + decided.length + 1,
      summary: change.summary,
      storyIds: change.storyIds ?? target.storyIds,
      at: change.at,
    }),
  ];
}

/** The event that records the cause on the component and names the stories whose status follows. */
export function wentStale(
  target: ComponentState,
  cause: {
    kind: DirtyCauseKind;
    source: string;
    version: number;
    summary: string;
    storyIds: readonly string[];
    at: string;
  },
): ComponentWentStale {
  const { storyIds, ...rest } = cause;
  return {
    type: 'ComponentWentStale',
    data: {
      componentId: target.id,
      componentName: target.name,
      // A design-level cause makes every linked story stale; DESIGN_CHANGED only those it had verified.
      storyIds: staleDesignCause(cause)
        ? storyIds
        : storyIds.filter((id) => target.verifiedStoryIds.includes(id)),
      cause: rest,
      at: cause.at,
    },
  };
}
