import type { DesignSubmitted } from '../../design/design.events';
import type { DesignState } from '../../design/design.state';
import type { SubmitDesign } from './submit-design.command';

/** Every submission, valid or not, is the next version, stored with its validation result. */
export function decideSubmitDesign(command: SubmitDesign, state: DesignState): DesignSubmitted[] {
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
