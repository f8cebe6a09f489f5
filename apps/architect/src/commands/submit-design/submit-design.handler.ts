import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import {
  CommandHandler,
  dataSourceExecutor,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
} from '@app/platform';
import { DesignCheck } from '../../application/design-check';
import { visibleComponent } from '../../component-locations/project-access';
import type { DesignEvent, DesignSubmitted } from '../../design/design.events';
import { designStreamId } from '../../design/design.events';
import type { DesignState } from '../../design/design.state';
import { ArchitectureRepository } from '../architecture.repository';
import type { DesignCommand } from '../design.decider';
import { designDecider } from '../design.decider';

/**
 * Stores a design version, valid or not, with its validation result: validated against the
 * architecture as it stands and recorded on the component in the same transaction.
 */
@Injectable()
export class SubmitDesignHandler {
  private readonly designs: CommandHandler<DesignCommand, DesignState, DesignEvent>;
  private readonly architecture: ArchitectureRepository;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
    private readonly designCheck: DesignCheck,
  ) {
    this.designs = new CommandHandler(store, designDecider);
    this.architecture = new ArchitectureRepository(store);
  }

  /** The submitted event (its version is the new design version). */
  async submit(context: RequestContext, componentId: string, markdown: string): Promise<DesignSubmitted> {
    const sql = dataSourceExecutor(this.dataSource);
    const row = await visibleComponent(sql, context.identity, componentId, 'write');
    const submitted = await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        const { component, contextName, validation } = await this.designCheck.check(
          row.projectId,
          componentId,
          markdown,
          sql,
        );
        const at = new Date().toISOString();
        const metadata = {
          projectId: row.projectId,
          actor: context.identity.actor,
          correlationId: context.correlationId,
        };
        const { events } = await this.designs.handle(
          designStreamId(componentId),
          {
            type: 'SubmitDesign',
            designId: randomUUID(),
            componentId,
            componentName: component.name,
            contextName,
            markdown,
            sha256: createHash('sha256').update(markdown).digest('hex'),
            validation,
            at,
          },
          { sql, metadata, expectedVersion: component.designVersions },
        );
        const event = events[0];
        await this.architecture.execute(
          sql,
          row.projectId,
          {
            type: 'RecordComponentDesign',
            componentId,
            designVersion: event.data.version,
            valid: validation.valid,
            at,
          },
          metadata,
        );
        return event;
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
    return submitted;
  }
}
