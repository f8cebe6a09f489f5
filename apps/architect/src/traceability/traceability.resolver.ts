import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import type { TraceabilityView } from './traceability.view';
import { Traceability, TraceStatus } from './traceability.model';
import type { TraceStatus as Status } from './trace';
import { TraceabilityService } from './traceability.service';

/** `traceability(projectId)`: criterion → assertion → test → red run → green run, with a status each. */
@Resolver(() => Traceability)
export class TraceabilityResolver {
  constructor(private readonly traces: TraceabilityService) {}

  @Query(() => Traceability, {
    description:
      'The criteria of a project (or of one component), each traced to its evidence; filter by status and page with first/after.',
  })
  traceability(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('componentId', { type: () => ID, nullable: true, description: "Only the component's stories." })
    componentId?: string | null,
    @Args('status', { type: () => [TraceStatus], nullable: true }) status?: Status[] | null,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many criteria (0–1000).' })
    first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<TraceabilityView> {
    return this.traces.traceability(context, projectId, { componentId, status, first, after });
  }
}
