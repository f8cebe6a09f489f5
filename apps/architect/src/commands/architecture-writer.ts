import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import {
  assertProjectWritable,
  dataSourceExecutor,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
} from '@app/platform';
import type { ArchitectureState } from '../architecture/architecture.state';
import { visibleComponent } from '../component-locations/project-access';
import type { ArchitectureCommand } from './architecture.commands';
import { ArchitectureRepository } from './architecture.repository';

/** An architecture command as callers give it: the time is the writer's. */
export type ArchitectureCommandWithoutTime<C extends ArchitectureCommand = ArchitectureCommand> =
  C extends ArchitectureCommand ? Omit<C, 'at'> : never;

/**
 * The one write path of commands that callers send: one unit of work (retried on a version
 * conflict) that refuses an archived project, decides on the project's architecture, appends and
 * keeps the component lookup in step; the bus is woken once it committed.
 */
@Injectable()
export class ArchitectureWriter {
  private readonly repository: ArchitectureRepository;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.repository = new ArchitectureRepository(store);
  }

  async run(
    context: RequestContext,
    projectId: string,
    command: ArchitectureCommandWithoutTime,
  ): Promise<ArchitectureState> {
    const state = await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        await assertProjectWritable(sql, projectId);
        const metadata = { actor: context.identity.actor, correlationId: context.correlationId };
        const at = new Date().toISOString();
        return (await this.repository.execute(sql, projectId, { ...command, at }, metadata)).state;
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
    return state;
  }

  /** A command on a component the caller may write to (NOT_FOUND for one it cannot see). */
  async onComponent(
    context: RequestContext,
    componentId: string,
    command: ArchitectureCommandWithoutTime,
  ): Promise<ArchitectureState> {
    const sql = dataSourceExecutor(this.dataSource);
    const target = await visibleComponent(sql, context.identity, componentId, 'write');
    return this.run(context, target.projectId, command);
  }
}
