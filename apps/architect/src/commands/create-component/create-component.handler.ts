import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@app/platform';
import { NotFoundError, ValidationError } from '@app/domain';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { isComponentKind } from '../../component/component-kind';
import { authorizeProject } from '../../component-locations/project-access';
import { CopyLookups } from '../../story-copies/copy-lookups';
import { ArchitectureWriter } from '../architecture-writer';

export interface CreateComponentRequest {
  readonly projectId: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
}

/** A new component (or context) in a project the caller may write to; the id is issued here. */
@Injectable()
export class CreateComponentHandler {
  constructor(
    private readonly writer: ArchitectureWriter,
    private readonly copies: CopyLookups,
  ) {}

  async create(
    context: RequestContext,
    request: CreateComponentRequest,
  ): Promise<{ componentId: string; state: ArchitectureState }> {
    authorizeProject(context.identity, request.projectId, 'write');
    if (!isComponentKind(request.kind)) {
      throw new ValidationError(`unknown component type "${request.kind}"`, [
        {
          field: 'type',
          message:
            'must be one of context, coordination_context, schema, repository, module, ui, task, other',
        },
      ]);
    }
    if (!(await this.copies.projectExists(request.projectId)))
      throw new NotFoundError('project', request.projectId);
    const componentId = randomUUID();
    const state = await this.writer.run(context, request.projectId, {
      type: 'CreateComponent',
      componentId,
      projectId: request.projectId,
      parentId: request.parentId,
      name: request.name,
      kind: request.kind,
      description: request.description,
    });
    return { componentId, state };
  }
}
