import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { EventSourcingModule, HealthController, serviceDatabaseModule } from '@app/domain';
import { readModels } from './read-models';

@Module({})
export class GatewayModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [serviceDatabaseModule({ config }), EventSourcingModule.forService(config, readModels)],
      controllers: [HealthController],
    };
  }
}
