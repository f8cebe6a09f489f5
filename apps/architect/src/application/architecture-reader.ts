import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@app/platform';
import { PostgresEventStore, StateReader } from '@app/platform';
import type { ArchitectureEvent } from '../architecture/architecture.events';
import type { ArchitectureState } from '../architecture/architecture.state';
import { architectureFold, architectureStreamId } from '../architecture/architecture.stream';

/** A project's architecture as it stands, for queries (the same cached fold the commands use). */
@Injectable()
export class ArchitectureReader {
  private readonly reader: StateReader<ArchitectureState, ArchitectureEvent>;

  constructor(store: PostgresEventStore) {
    this.reader = new StateReader(store, architectureFold);
  }

  async load(projectId: string, sql?: SqlExecutor): Promise<ArchitectureState> {
    return (await this.reader.load(architectureStreamId(projectId), sql)).state;
  }
}
