import type { DesignEvent } from './design.events';

/** A component's design history, as far as deciding needs it: how many versions exist. */
export interface DesignState {
  readonly versions: number;
  readonly acceptedVersion: number | null;
}

export function initialDesignState(): DesignState {
  return { versions: 0, acceptedVersion: null };
}

/** Every submission is a new version; the newest valid one is the accepted design. */
export function evolveDesign(state: DesignState, event: DesignEvent): DesignState {
  return {
    versions: event.data.version,
    acceptedVersion: event.data.valid ? event.data.version : state.acceptedVersion,
  };
}
