import { Controller, Get, HttpCode, Optional, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventBusLifecycle } from './event-sourcing.module';

/** `/health/live`: the process answers. `/health/ready`: its database answers and its bus consumer receives events. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly bus?: EventBusLifecycle,
  ) {}

  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: Record<string, 'up'> }> {
    let database: 'up' | 'down' = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
    }
    const bus = this.bus === undefined || this.bus.isReady() ? 'up' : 'down';
    if (database === 'down' || bus === 'down')
      throw new ServiceUnavailableException({ status: 'unavailable', checks: { database, bus } });
    return { status: 'ok', checks: { database, bus } };
  }
}
