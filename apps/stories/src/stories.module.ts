import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { HealthController, serviceDatabaseModule } from '@app/domain';

@Module({})
export class StoriesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: StoriesModule,
      imports: [serviceDatabaseModule({ config })],
      controllers: [HealthController],
    };
  }
}
