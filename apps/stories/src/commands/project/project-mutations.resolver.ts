import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryQueryService } from '../../application/story-query.service';
import type { ProjectView } from '../../application/views/story.view';
import { Project } from '../../graphql/project.model';
import { ProjectCommandService } from './project-command.service';
import { CreateProjectInput, RenameProjectInput } from './project.inputs';

/** The project's mutations: create (admin token), rename, archive and unarchive. */
@Resolver(() => Project)
export class ProjectMutationsResolver {
  constructor(
    private readonly commands: ProjectCommandService,
    private readonly queries: StoryQueryService,
  ) {}

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
}
