import { Controller, Get, Optional } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { EventBusLifecycle } from './event-sourcing.module';

/**
 * Terminus health checks. `/health/live`: the process answers. `/health/ready`: its database
 * answers a ping and its bus consumer receives events (503 with the failing check otherwise).
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Optional() private readonly bus?: EventBusLifecycle,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () => {
        const check = this.indicators.check('bus');
        return this.bus === undefined || this.bus.isReady()
          ? check.up()
          : check.down({ message: 'the event consumer is not receiving events yet' });
      },
    ]);
  }
}
