import type { Decider } from '@app/domain';
import type { DesignEvent, DesignSubmitted } from './design.events';

/**
 * Submitting a design: the architecture has already validated the markdown (against the graph as
 * it stands); the document's content hash and id come in with the command, like the time.
 */
export interface SubmitDesign {
  readonly type: 'SubmitDesign';
  readonly designId: string;
  readonly componentId: string;
  readonly componentName: string;
  /** The name of the context it belongs to (its own, for a context). */
  readonly contextName: string | null;
  readonly markdown: string;
  readonly sha256: string;
  readonly validation: {
    readonly valid: boolean;
    readonly errors: readonly { code: string; message: string; section: string | null }[];
    readonly proposedComponents: readonly string[];
    readonly testAssertions: readonly string[];
  };
  readonly at: string;
}

export type DesignCommand = SubmitDesign;

/** A component's design history, as far as deciding needs it: how many versions exist. */
export interface DesignState {
  readonly versions: number;
  readonly acceptedVersion: number | null;
}

function decideSubmitDesign(command: SubmitDesign, state: DesignState): DesignSubmitted[] {
  return [
    {
      type: 'DesignSubmitted',
      data: {
        designId: command.designId,
        componentId: command.componentId,
        componentName: command.componentName,
        contextName: command.contextName,
        version: state.versions + 1,
        markdown: command.markdown,
        sha256: command.sha256,
        valid: command.validation.valid,
        errors: command.validation.errors.map((e) => ({
          code: e.code,
          message: e.message,
          section: e.section,
        })),
        proposedComponents: [...command.validation.proposedComponents],
        testAssertions: [...command.validation.testAssertions],
        at: command.at,
      },
    },
  ];
}

/** Every submission is a new version; the newest valid one is the accepted design. */
export const designDecider: Decider<DesignCommand, DesignState, DesignEvent> = {
  decide: (command, state) => decideSubmitDesign(command, state),
  evolve: (state, event) => ({
    versions: event.data.version,
    acceptedVersion: event.data.valid ? event.data.version : state.acceptedVersion,
  }),
  initialState: () => ({ versions: 0, acceptedVersion: null }),
};
