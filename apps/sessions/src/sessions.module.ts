import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { HealthController, serviceDatabaseModule } from '@app/domain';

@Module({})
export class SessionsModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SessionsModule,
      imports: [serviceDatabaseModule({ config })],
      controllers: [HealthController],
    };
  }
}
