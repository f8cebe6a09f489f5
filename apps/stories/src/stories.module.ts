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
import { StoryResolver } from './graphql/story.resolver';
import { storiesMigrations } from './persistence/stories.migrations';
import { readModels } from './read-models';
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
        serviceDatabaseModule({ config, migrations: storiesMigrations }),
        EventSourcingModule.forService(config, readModels, storiesPublication),
        subgraphGraphqlModule(config),
      ],
      providers: [
        ProjectCommandService,
        StoryCommandService,
        StoryQueryService,
        ProjectResolver,
        StoryResolver,
      ],
    };
  }
}
