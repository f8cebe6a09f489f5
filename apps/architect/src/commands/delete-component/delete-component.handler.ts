import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { dataSourceExecutor } from '@app/platform';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { visibleComponent } from '../../component-locations/project-access';
import { RunningSession } from '../../running-sessions/running-session.entity';
import type { DeleteComponent } from '../architecture.commands';
import { ArchitectureWriter } from '../architecture-writer';

/** Deletes a component; the sessions still running on it go into the decision (and its event). */
@Injectable()
export class DeleteComponentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ArchitectureWriter,
  ) {}

  async delete(
    context: RequestContext,
    command: Omit<DeleteComponent, 'at' | 'runningSessions'>,
  ): Promise<ArchitectureState> {
    const sql = dataSourceExecutor(this.dataSource);
    const target = await visibleComponent(sql, context.identity, command.componentId, 'write');
    const running = await sql.manager.find(RunningSession, {
      where: { componentId: command.componentId },
      order: { startedAt: 'ASC' },
    });
    return this.writer.run(context, target.projectId, {
      ...command,
      runningSessions: running.map(({ sessionId, sessionType }) => ({ sessionId, sessionType })),
    });
  }
}
