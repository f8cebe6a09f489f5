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
import { ArchitectureReader } from './application/architecture-reader';
import { DesignCheck } from './application/design-check';
import { DesignQueryService } from './application/design-query.service';
import { ComponentLocations } from './component-locations/component-locations';
import { commandProviders } from './commands/command-providers';
import { ComponentResolver } from './graphql/component.resolver';
import { DesignQueriesResolver } from './graphql/design-queries.resolver';
import { StoryComponentResolver } from './graphql/story-component.resolver';
import { CopyLookups } from './story-copies/copy-lookups';
import { TraceabilityResolver } from './traceability/traceability.resolver';
import { TraceabilityService } from './traceability/traceability.service';
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
        ArchitectureReader,
        ComponentLocations,
        CopyLookups,
        DesignCheck,
        ArchitectureQueryService,
        DesignQueryService,
        TraceabilityService,
        ComponentResolver,
        StoryComponentResolver,
        DesignQueriesResolver,
        TraceabilityResolver,
        ...commandProviders,
      ],
    };
  }
}
