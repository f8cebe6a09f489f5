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
import { ArchitectureQueryService } from './application/architecture-query.service';
import { ComponentCommandService } from './application/component-command.service';
import { DesignService } from './application/design.service';
import { ComponentResolver, StoryComponentResolver } from './graphql/component.resolver';
import { architectMigrations } from './persistence/architect.migrations';
import { readModels } from './read-models';
import { architectPublication } from './publication/architect.publication';

/** Contexts, components, dependencies and design documents: an event-sourced Federation 2 subgraph. */
@Module({})
export class ArchitectModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ArchitectModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: architectMigrations }),
        EventSourcingModule.forService(config, readModels, architectPublication),
        subgraphGraphqlModule(config),
      ],
      providers: [
        ComponentCommandService,
        ArchitectureQueryService,
        DesignService,
        ComponentResolver,
        StoryComponentResolver,
      ],
    };
  }
}
