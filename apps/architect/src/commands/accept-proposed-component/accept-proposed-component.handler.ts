import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { ValidationError } from '@app/domain';
import { dataSourceExecutor, PostgresEventStore } from '@app/platform';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { visibleComponent } from '../../component-locations/project-access';
import type { DesignSubmitted } from '../../design/design.events';
import { designStreamId } from '../../design/design.events';
import { CreateComponentHandler } from '../create-component/create-component.handler';

/** Creates a component that the context's accepted design proposes (an H3 under Components that is not a component yet). */
@Injectable()
export class AcceptProposedComponentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly components: CreateComponentHandler,
  ) {}

  async accept(
    context: RequestContext,
    contextId: string,
    name: string,
  ): Promise<{ componentId: string; state: ArchitectureState }> {
    const sql = dataSourceExecutor(this.dataSource);
    const target = await visibleComponent(sql, context.identity, contextId, 'write');
    const designs = await this.store.readStream<DesignSubmitted>(designStreamId(contextId));
    const accepted = [...designs].reverse().find((design) => design.data.valid);
    const proposed = accepted?.data.proposedComponents ?? [];
    if (!accepted || !proposed.includes(name.trim()))
      throw new ValidationError(
        accepted
          ? `the accepted design of ${target.name} does not propose "${name}"; it proposes ${proposed.length > 0 ? proposed.join(', ') : 'nothing'}`
          : `${target.name} has no accepted design to propose components`,
        [{ field: 'name', message: 'must be a component the accepted design proposes' }],
      );
    return this.components.create(context, {
      projectId: target.projectId,
      parentId: contextId,
      name: name.trim(),
      kind: 'other',
      description: `Proposed by the design of ${target.name} (version ${accepted.data.version}).`,
    });
  }
}
