import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ReferenceCriteriaHandler } from './reference-criteria.handler';

/** The `assignCriterionRefs` mutation: references for criteria recorded before references existed. */
@Resolver()
export class ReferenceCriteriaResolver {
  constructor(private readonly handler: ReferenceCriteriaHandler) {}

  @Mutation(() => Int, {
    description:
      'Gives every acceptance criterion of the project that has no reference (recorded before references existed) the next free `AC-<n>`, story by story in the order they were created. Returns how many got one (0 when none lacked one). Text and verification stay; nothing goes DIRTY. EDITOR.',
  })
  async assignCriterionRefs(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<number> {
    return this.handler.referenceCriteria(context, projectId);
  }
}
