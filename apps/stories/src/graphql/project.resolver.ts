import { Args, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryQueryService } from '../application/story-query.service';
import { projectFromRecord } from '../application/views/story-views';
import type { ProjectView } from '../application/views/story.view';
import { Project } from './project.model';

/** The project read side: one project, the projects a token sees, references from other subgraphs. */
@Resolver(() => Project)
export class ProjectResolver {
  constructor(private readonly queries: StoryQueryService) {}

  @Query(() => Project)
  project(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProjectView> {
    return this.queries.project(context, id);
  }

  @Query(() => [Project], {
    description: 'The projects the token can see: all for the admin token, else its own.',
  })
  projects(@CurrentRequest() context: RequestContext): Promise<ProjectView[]> {
    return this.queries.projects(context);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext): Promise<ProjectView | null> {
    try {
      return projectFromRecord(await this.queries.visibleProject(context, reference.id));
    } catch {
      return null;
    }
  }
}
