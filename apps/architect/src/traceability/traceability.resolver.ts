import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import type { TraceabilityView } from '../application/views/traceability.view';
import { Traceability } from '../graphql/traceability.model';
import { TraceabilityService } from './traceability.service';

/** `traceability(projectId)`: criterion → assertion → test → red run → green run, with a status each. */
@Resolver(() => Traceability)
export class TraceabilityResolver {
  constructor(private readonly traces: TraceabilityService) {}

  @Query(() => Traceability)
  traceability(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<TraceabilityView> {
    return this.traces.traceability(context, projectId);
  }
}
