import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { HealthController, serviceDatabaseModule } from '@app/domain';

@Module({})
export class GatewayModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [serviceDatabaseModule({ config })],
      controllers: [HealthController],
    };
  }
}
