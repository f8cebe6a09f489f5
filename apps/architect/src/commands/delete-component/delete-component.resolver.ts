import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { DeleteComponentHandler } from './delete-component.handler';
import { DeletedComponent } from '../../graphql/deleted-component.model';
import { DeleteComponentInput } from './delete-component.input';

/** `deleteComponent`: refused while stories or dependents hang on it, unless `force` unlinks them. */
@Resolver(() => DeletedComponent)
export class DeleteComponentResolver {
  constructor(
    private readonly handler: DeleteComponentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => DeletedComponent)
  async deleteComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: DeleteComponentInput,
  ): Promise<DeletedComponent> {
    const before = await this.queries.component(context, input.id);
    await this.handler.delete(context, {
      type: 'DeleteComponent',
      componentId: input.id,
      force: input.force ?? false,
    });
    return {
      id: before.id,
      name: before.name,
      unlinkedStoryIds: [...before.storyIds],
      removedDependencies: [
        ...before.dependedOnBy.map((fromId) => ({ fromId, toId: before.id })),
        ...before.dependsOn.map((toId) => ({ fromId: before.id, toId })),
      ],
    };
  }
}
