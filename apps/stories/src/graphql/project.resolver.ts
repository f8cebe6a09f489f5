import { Args, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ProjectCommandService } from '../application/project-command.service';
import { StoryQueryService } from '../application/story-query.service';
import { projectFromRecord } from '../application/views/story-views';
import type { ProjectView } from '../application/views/story.view';
import { Project } from './project.model';
import { CreateProjectInput, RenameProjectInput } from './project.inputs';
import { randomUUID } from 'node:crypto';

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly commands: ProjectCommandService,
    private readonly queries: StoryQueryService,
  ) {}

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

  @Mutation(() => Project, { description: 'Admin token only.' })
  async createProject(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateProjectInput,
  ): Promise<ProjectView> {
    const project = await this.commands.execute(context, {
      type: 'CreateProject',
      projectId: randomUUID(),
      name: input.name,
      description: input.description,
    });
    return this.queries.project(context, project.id);
  }

  @Mutation(() => Project)
  async renameProject(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RenameProjectInput,
  ): Promise<ProjectView> {
    await this.commands.execute(context, { type: 'RenameProject', projectId: input.id, name: input.name });
    return this.queries.project(context, input.id);
  }

  @Mutation(() => Project, { description: 'Archives a project (ADMIN): every write to it is then refused.' })
  async archiveProject(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProjectView> {
    await this.commands.execute(context, { type: 'ArchiveProject', projectId: id });
    return this.queries.project(context, id);
  }

  @Mutation(() => Project, { description: 'Makes an archived project writable again (ADMIN).' })
  async unarchiveProject(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProjectView> {
    await this.commands.execute(context, { type: 'UnarchiveProject', projectId: id });
    return this.queries.project(context, id);
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
