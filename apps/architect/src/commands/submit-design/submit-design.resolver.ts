import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { DesignQueryService } from '../../application/design-query.service';
import type { DesignDocumentView } from '../../application/views/design.view';
import { DesignDocument } from '../../graphql/design.model';
import { SubmitDesignHandler } from './submit-design.handler';
import { SubmitDesignInput } from './submit-design.input';

/** The `submitDesign` mutation: a design version in, stored with its validation result, the document out. */
@Resolver()
export class SubmitDesignResolver {
  constructor(
    private readonly handler: SubmitDesignHandler,
    private readonly designs: DesignQueryService,
  ) {}

  @Mutation(() => DesignDocument, { description: 'Stores the version, valid or not, with its errors.' })
  async submitDesign(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SubmitDesignInput,
  ): Promise<DesignDocumentView> {
    const submitted = await this.handler.submit(context, input.componentId, input.markdown);
    return (await this.designs.design(context, input.componentId, submitted.data.version))!;
  }
}
