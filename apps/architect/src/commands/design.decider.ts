import type { Decider } from '@app/domain';
import type { DesignEvent } from '../design/design.events';
import type { DesignState } from '../design/design.state';
import { evolveDesign, initialDesignState } from '../design/design.state';
import type { SubmitDesign } from './submit-design/submit-design.command';
import { decideSubmitDesign } from './submit-design/submit-design.decide';

export type DesignCommand = SubmitDesign;

/** The decider of a `design-<componentId>` stream: one command, submitting a version. */
export const designDecider: Decider<DesignCommand, DesignState, DesignEvent> = {
  decide: (command, state) => decideSubmitDesign(command, state),
  evolve: evolveDesign,
  initialState: initialDesignState,
};
