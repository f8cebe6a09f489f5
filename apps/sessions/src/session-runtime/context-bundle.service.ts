import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/platform';
import { authorize, ValidationError } from '@app/domain';
import type { AssembledContext } from '../context/context-assembly';
import { assembleContext } from '../context/context-assembly';
import { SessionInputs } from './session-inputs';

export type BundlePurpose = 'TESTS' | 'CODE';

/**
 * The context a TESTS or CODE session's first call would get, assembled the same way, for people
 * who paste it into their own assistant.
 */
@Injectable()
export class ContextBundleService {
  constructor(private readonly inputs: SessionInputs) {}

  async bundle(
    context: RequestContext,
    componentId: string,
    purpose: BundlePurpose,
  ): Promise<AssembledContext> {
    const { facts, input } = await this.inputs.component(context, componentId);
    authorize(context.identity, facts.projectId, 'read', { what: 'component', id: componentId });
    const design = await this.inputs.acceptedDesign(context, componentId);
    if (purpose === 'TESTS') return assembleContext({ purpose: 'TESTS', component: input, design });
    const basis = await this.inputs.redBasis(componentId);
    if (!basis)
      throw new ValidationError('the component has no red test run yet, so there is no CODE context', [
        { field: 'componentId', message: 'no red test run' },
      ]);
    const tests = await this.inputs.files(facts.projectId, basis.tests, basis.workspaceVersion);
    return assembleContext({ purpose: 'CODE', component: input, design, tests, failures: basis.failures });
  }
}
