import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/platform';
import {
  EventSourcingModule,
  HealthModule,
  serviceDatabaseModule,
  serviceLoggingModule,
  subgraphGraphqlModule,
} from '@app/platform';
import { CreateStoryHandler } from './commands/create-story/create-story.handler';
import { ProjectCommandService } from './commands/project/project-command.service';
import { ProjectMutationsResolver } from './commands/project/project-mutations.resolver';
import { ReferenceCriteriaHandler } from './commands/reference-criteria/reference-criteria.handler';
import { StoryWriter } from './commands/story-writer';
import { StoryQueryService } from './application/story-query.service';
import { ProjectResolver } from './graphql/project.resolver';
import { StoryQueriesResolver } from './graphql/story-queries.resolver';
import { ImportStoriesMarkdownResolver } from './commands/import-stories-markdown/import-stories-markdown.resolver';
import { AddAcceptanceCriterionResolver } from './commands/add-acceptance-criterion/add-acceptance-criterion.resolver';
import { ReferenceCriteriaResolver } from './commands/reference-criteria/reference-criteria.resolver';
import { SetStoryTagsResolver } from './commands/change-story-tags/change-story-tags.resolver';
import { CreateStoryResolver } from './commands/create-story/create-story.resolver';
import { DeleteStoryResolver } from './commands/delete-story/delete-story.resolver';
import { PrioritizeStoryResolver } from './commands/prioritize-story/prioritize-story.resolver';
import { RemoveAcceptanceCriterionResolver } from './commands/remove-acceptance-criterion/remove-acceptance-criterion.resolver';
import { ReviseStoryResolver } from './commands/revise-story/revise-story.resolver';
import { SetStoryStatusResolver } from './commands/set-story-status/set-story-status.resolver';
import { UpdateAcceptanceCriterionResolver } from './commands/update-acceptance-criterion/update-acceptance-criterion.resolver';
import { VerifyAcceptanceCriterionResolver } from './commands/verify-acceptance-criterion/verify-acceptance-criterion.resolver';
import { storiesMigrations } from './persistence/stories.migrations';
import { readModelEntities, readModels } from './read-models';
import { storiesPublication } from './publication/stories.publication';

/** Projects and stories: an event-sourced Federation 2 subgraph. */
@Module({})
export class StoriesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: StoriesModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: storiesMigrations, entities: readModelEntities }),
        EventSourcingModule.forService(config, readModels, storiesPublication),
        subgraphGraphqlModule(config),
      ],
      providers: [
        ProjectCommandService,
        StoryWriter,
        CreateStoryHandler,
        ReferenceCriteriaHandler,
        StoryQueryService,
        ProjectResolver,
        ProjectMutationsResolver,
        StoryQueriesResolver,
        ImportStoriesMarkdownResolver,
        CreateStoryResolver,
        ReviseStoryResolver,
        AddAcceptanceCriterionResolver,
        ReferenceCriteriaResolver,
        UpdateAcceptanceCriterionResolver,
        RemoveAcceptanceCriterionResolver,
        VerifyAcceptanceCriterionResolver,
        SetStoryStatusResolver,
        SetStoryTagsResolver,
        PrioritizeStoryResolver,
        DeleteStoryResolver,
      ],
    };
  }
}
