import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { ServiceConfig } from '@app/domain';
import { HealthController, serviceDatabaseModule } from '@app/domain';

@Module({})
export class ArchitectModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ArchitectModule,
      imports: [serviceDatabaseModule({ config })],
      controllers: [HealthController],
    };
  }
}
