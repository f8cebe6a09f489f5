import type { EventMetadata } from '@app/domain';
import type { PostgresEventStore, SqlExecutor } from '@app/platform';
import { CommandHandler, writeEntity } from '@app/platform';
import type { ArchitectureCommand } from './architecture.commands';
import { architectureDecider } from './architecture.decider';
import type { ArchitectureEvent } from '../architecture/architecture.events';
import type { ArchitectureState } from '../architecture/architecture.state';
import { architectureStreamId } from '../architecture/architecture.stream';
import { ComponentLocation } from '../component-locations/component-location.entity';

/** Loads and changes a project's architecture stream (for commands and reactions, inside their transaction); keeps the `components` lookup table in step (created, renamed, deleted). */
export class ArchitectureRepository {
  private readonly handler: CommandHandler<ArchitectureCommand, ArchitectureState, ArchitectureEvent>;

  constructor(store: PostgresEventStore) {
    this.handler = new CommandHandler(store, architectureDecider);
  }

  async load(projectId: string, sql?: SqlExecutor): Promise<ArchitectureState> {
    return (await this.handler.load(architectureStreamId(projectId), sql)).state;
  }

  async execute(
    sql: SqlExecutor,
    projectId: string,
    command: ArchitectureCommand,
    metadata: EventMetadata,
  ): Promise<{ state: ArchitectureState; events: readonly ArchitectureEvent[] }> {
    const result = await this.handler.handle(architectureStreamId(projectId), command, {
      sql,
      metadata: { ...metadata, projectId },
    });
    for (const event of result.events) {
      if (event.type === 'ComponentCreated') {
        const location: ComponentLocation = {
          id: event.data.componentId,
          projectId: event.data.projectId,
          name: event.data.name,
          kind: event.data.kind,
          parentId: event.data.parentId,
        };
        await writeEntity(sql.manager, ComponentLocation, location, 'ignore');
      }
      if (event.type === 'ComponentRenamed')
        await sql.manager.update(
          ComponentLocation,
          { id: event.data.componentId },
          { name: event.data.name },
        );
      if (event.type === 'ComponentDeleted')
        await sql.manager.delete(ComponentLocation, { id: event.data.componentId });
    }
    return { state: result.state, events: result.events };
  }
}
