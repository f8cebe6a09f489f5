import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { EventSourcingModule, HealthController, serviceDatabaseModule } from '@app/domain';
import { readModels } from './read-models';

@Module({})
export class SessionsModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SessionsModule,
      imports: [serviceDatabaseModule({ config }), EventSourcingModule.forService(config, readModels)],
      controllers: [HealthController],
    };
  }
}
