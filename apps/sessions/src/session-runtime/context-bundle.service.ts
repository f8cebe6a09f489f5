import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/platform';
import { authorize, ValidationError } from '@app/domain';
import type { AssembledContext } from '../context/context-assembly';
import { assembleContext } from '../context/context-assembly';
import { ReworkInputs } from './rework-inputs';
import { SessionInputs } from './session-inputs';

export type BundlePurpose = 'TESTS' | 'CODE';

/**
 * The context a TESTS or CODE session's first call would get, assembled the same way, for people
 * who paste it into their own assistant (after a redesign: the rework context, diff and old tests).
 */
@Injectable()
export class ContextBundleService {
  constructor(
    private readonly inputs: SessionInputs,
    private readonly reworks: ReworkInputs,
  ) {}

  async bundle(
    context: RequestContext,
    componentId: string,
    purpose: BundlePurpose,
  ): Promise<AssembledContext> {
    const { facts, input } = await this.inputs.component(context, componentId);
    authorize(context.identity, facts.projectId, 'read', { what: 'component', id: componentId });
    const design = await this.inputs.acceptedDesign(context, componentId);
    if (purpose === 'TESTS') {
      const rework = await this.reworks.basis(context, componentId, design);
      return assembleContext({
        purpose: 'TESTS',
        component: input,
        design,
        ...(rework && {
          rework: await this.reworks.context(context, facts.projectId, componentId, rework, design.version),
        }),
      });
    }
    const basis = await this.inputs.redBasis(componentId);
    if (!basis)
      throw new ValidationError('the component has no red test run yet, so there is no CODE context', [
        { field: 'componentId', message: 'no red test run' },
      ]);
    const tests = await this.inputs.files(facts.projectId, basis.tests, basis.workspaceVersion);
    const code = await this.inputs.files(facts.projectId, basis.code, basis.workspaceVersion);
    return assembleContext({
      purpose: 'CODE',
      component: input,
      design,
      tests,
      failures: basis.failures,
      ...(code.length > 0 && { code }),
    });
  }
}
