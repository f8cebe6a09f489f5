import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { ValidationError } from '@app/domain';
import { dataSourceExecutor } from '@app/platform';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { visibleComponent } from '../../component-locations/project-access';
import { ArchitectureWriter } from '../architecture-writer';

/** A dependency from a component the caller may write to onto one it may read, in the same project. */
@Injectable()
export class AddDependencyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ArchitectureWriter,
  ) {}

  async add(context: RequestContext, fromId: string, toId: string): Promise<ArchitectureState> {
    const sql = dataSourceExecutor(this.dataSource);
    const from = await visibleComponent(sql, context.identity, fromId, 'write');
    const to = await visibleComponent(sql, context.identity, toId, 'read');
    if (from.projectId !== to.projectId)
      throw new ValidationError('a dependency cannot cross projects', [
        { field: 'toId', message: 'must be in the same project' },
      ]);
    return this.writer.run(context, from.projectId, { type: 'AddDependency', fromId, toId });
  }
}
