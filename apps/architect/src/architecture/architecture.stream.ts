import { ARCHITECTURE_STREAM } from '@app/domain';
import type { Fold } from '@app/platform';
import type { ArchitectureEvent } from './architecture.events';
import type { ArchitectureState } from './architecture.state';
import { evolveArchitecture, foldArchitecture, initialArchitectureState } from './architecture.state';

/** A project's architecture lives in one stream. */
export function architectureStreamId(projectId: string): string {
  return `${ARCHITECTURE_STREAM}-${projectId}`;
}

/** How the stream folds into the architecture (the decider's reading half, shared with queries). */
export const architectureFold: Fold<ArchitectureState, ArchitectureEvent> = {
  evolve: evolveArchitecture,
  evolveAll: foldArchitecture,
  initialState: initialArchitectureState,
};
