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
import { ComponentLocations } from './application/component-locations';
import { ArchitectureQueryService } from './application/architecture-query.service';
import { ComponentCommandService } from './application/component-command.service';
import { DesignService } from './application/design.service';
import { AddDependencyResolver } from './architecture/add-dependency/add-dependency.resolver';
import { CreateComponentResolver } from './architecture/create-component/create-component.resolver';
import { MapStoryToComponentResolver } from './architecture/map-story-to-component/map-story-to-component.resolver';
import { RemoveDependencyResolver } from './architecture/remove-dependency/remove-dependency.resolver';
import { UnmapStoryFromComponentResolver } from './architecture/unmap-story-from-component/unmap-story-from-component.resolver';
import { DesignResolver } from './design/design.resolver';
import { AcceptProposedComponentResolver } from './architecture/accept-proposed-component/accept-proposed-component.resolver';
import { AcceptDesignAsCurrentHandler } from './architecture/accept-design-as-current/accept-design-as-current.handler';
import { AcceptDesignAsCurrentResolver } from './architecture/accept-design-as-current/accept-design-as-current.resolver';
import { DeleteComponentResolver } from './architecture/delete-component/delete-component.resolver';
import { RenameComponentResolver } from './architecture/rename-component/rename-component.resolver';
import { UpdateComponentResolver } from './architecture/update-component/update-component.resolver';
import { TraceabilityResolver } from './traceability/traceability.resolver';
import { TraceabilityService } from './traceability/traceability.service';
import { ComponentResolver } from './graphql/component.resolver';
import { StoryComponentResolver } from './graphql/story-component.resolver';
import { architectMigrations } from './persistence/architect.migrations';
import { readModelEntities, readModels } from './read-models';
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
        serviceDatabaseModule({ config, migrations: architectMigrations, entities: readModelEntities }),
        EventSourcingModule.forService(config, readModels, architectPublication),
        subgraphGraphqlModule(config),
      ],
      providers: [
        ComponentCommandService,
        ArchitectureQueryService,
        ComponentLocations,
        DesignService,
        ComponentResolver,
        StoryComponentResolver,
        CreateComponentResolver,
        MapStoryToComponentResolver,
        UnmapStoryFromComponentResolver,
        AddDependencyResolver,
        RemoveDependencyResolver,
        DesignResolver,
        RenameComponentResolver,
        UpdateComponentResolver,
        DeleteComponentResolver,
        AcceptProposedComponentResolver,
        AcceptDesignAsCurrentResolver,
        AcceptDesignAsCurrentHandler,
        TraceabilityService,
        TraceabilityResolver,
      ],
    };
  }
}
