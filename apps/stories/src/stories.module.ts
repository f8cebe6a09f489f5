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
import { ProjectCommandService } from './application/project-command.service';
import { StoryCommandService } from './application/story-command.service';
import { StoryQueryService } from './application/story-query.service';
import { ProjectResolver } from './graphql/project.resolver';
import { StoryQueriesResolver } from './graphql/story-queries.resolver';
import { StoriesMarkdownResolver } from './markdown/stories-markdown.resolver';
import { AddAcceptanceCriterionResolver } from './story/add-acceptance-criterion/add-acceptance-criterion.resolver';
import { ReferenceCriteriaResolver } from './story/reference-criteria/reference-criteria.resolver';
import { SetStoryTagsResolver } from './story/change-story-tags/change-story-tags.resolver';
import { CreateStoryResolver } from './story/create-story/create-story.resolver';
import { DeleteStoryResolver } from './story/delete-story/delete-story.resolver';
import { PrioritizeStoryResolver } from './story/prioritize-story/prioritize-story.resolver';
import { RemoveAcceptanceCriterionResolver } from './story/remove-acceptance-criterion/remove-acceptance-criterion.resolver';
import { ReviseStoryResolver } from './story/revise-story/revise-story.resolver';
import { SetStoryStatusResolver } from './story/set-story-status/set-story-status.resolver';
import { UpdateAcceptanceCriterionResolver } from './story/update-acceptance-criterion/update-acceptance-criterion.resolver';
import { VerifyAcceptanceCriterionResolver } from './story/verify-acceptance-criterion/verify-acceptance-criterion.resolver';
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
        StoryCommandService,
        StoryQueryService,
        ProjectResolver,
        StoryQueriesResolver,
        StoriesMarkdownResolver,
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
