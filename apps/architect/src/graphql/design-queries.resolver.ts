import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { DesignQueryService } from '../application/design-query.service';
import type {
  DesignDiffView,
  DesignDocumentView,
  DesignValidationView,
} from '../application/views/design.view';
import { designTemplate } from '../design/design-templates';
import { DesignDiff, DesignDocument, DesignValidation } from './design.model';

/** The design read side: templates, versions, history, diffs, and checking a draft. */
@Resolver()
export class DesignQueriesResolver {
  constructor(private readonly designs: DesignQueryService) {}

  @Query(() => String, {
    description:
      'A template ready to fill in: context, coordination_context, schema or component, or any component type (module, repository, ui, task, other are designed with the component template).',
  })
  designTemplate(@Args('type') type: string): string {
    return designTemplate(type);
  }

  @Query(() => DesignDocument, {
    nullable: true,
    description: 'A version, or the accepted design (newest valid) without one.',
  })
  design(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<DesignDocumentView | null> {
    return this.designs.design(context, componentId, version ?? undefined);
  }

  @Query(() => [DesignDocument])
  designHistory(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
  ): Promise<DesignDocumentView[]> {
    return this.designs.history(context, componentId);
  }

  @Query(() => DesignDiff)
  designDiff(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ): Promise<DesignDiffView> {
    return this.designs.diff(context, componentId, fromVersion, toVersion);
  }

  @Query(() => DesignValidation, {
    description:
      'Checks a draft with the same rules as submitDesign, against the current architecture, without storing it.',
  })
  validateDesign(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('markdown') markdown: string,
  ): Promise<DesignValidationView> {
    return this.designs.validate(context, componentId, markdown);
  }
}
