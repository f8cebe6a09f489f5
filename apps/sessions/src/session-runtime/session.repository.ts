import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import { asDecided } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import {
  CommandHandler,
  EventBusLifecycle,
  inTransaction,
  PostgresEventStore,
  writeEntity,
} from '@app/platform';
import type { SessionCommand } from '../session/session.decider';
import { sessionDecider } from '../session/session.decider';
import type { SessionEvent, SessionStatus } from '../session/session.events';
import { sessionStreamId } from '../session/session.events';
import type { SessionState } from '../session/session.state';
import { SessionListing } from './session-listing.entity';

/** Loads a session from its stream and appends a command's events (with its inline `sessions` row). */
@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.handler = new CommandHandler(store, sessionDecider);
  }

  private readonly handler: CommandHandler<SessionCommand, SessionState, SessionEvent>;

  async load(sessionId: string, sql?: SqlExecutor): Promise<SessionState> {
    const events = await this.store.readStream<SessionEvent>(sessionStreamId(sessionId), { sql });
    const state = events.reduce(
      (current, event) => sessionDecider.evolve(current, asDecided<SessionEvent>(event)),
      sessionDecider.initialState(),
    );
    return state.exists ? state : { ...state, sessionId };
  }

  /**
   * Decides against the state given and appends with its version as the expected one: a
   * concurrent change (a cancel, another driver) makes this a CONFLICT instead of a lost update.
   */
  async execute(state: SessionState, command: SessionCommand, sql?: SqlExecutor): Promise<SessionState> {
    if (sessionDecider.decide(command, state).length === 0) return state;
    const work = async (tx: SqlExecutor): Promise<SessionState> => {
      const starting = state.version === 0 && command.type === 'StartSession' ? command.data : null;
      const metadata: EventMetadata = {
        projectId: starting?.projectId ?? state.projectId,
        actor: starting?.startedBy.actor ?? state.startedBy.actor,
        correlationId: starting?.correlationId ?? state.correlationId,
      };
      const { state: next } = await this.handler.handle(
        sessionStreamId(starting?.sessionId ?? state.sessionId),
        command,
        {
          sql: tx,
          metadata,
          expectedVersion: state.version,
        },
      );
      await writeEntity(
        tx.manager,
        SessionListing,
        {
          sessionId: next.sessionId,
          projectId: next.projectId,
          componentId: next.componentId,
          parentId: next.parentId,
          type: next.type,
          status: next.status,
          updatedAt: new Date(next.updatedAt),
        },
        'update',
      );
      return next;
    };
    const next = sql ? await work(sql) : await inTransaction(this.dataSource, work);
    this.bus.poke();
    return next;
  }

  async running(limit: number): Promise<string[]> {
    const running = await this.dataSource.manager.find(SessionListing, {
      select: { sessionId: true },
      where: { status: 'RUNNING' },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    return running.map((listing) => listing.sessionId);
  }

  async children(
    parentId: string,
  ): Promise<{ sessionId: string; componentId: string; status: SessionStatus }[]> {
    const children = await this.dataSource.manager.find(SessionListing, {
      where: { parentId },
      order: { sessionId: 'ASC' },
    });
    return children.map(({ sessionId, componentId, status }) => ({ sessionId, componentId, status }));
  }

  async ofProject(projectId: string, first: number): Promise<{ sessionId: string }[]> {
    const listings = await this.dataSource.manager.find(SessionListing, {
      where: { projectId },
      order: { updatedAt: 'DESC', sessionId: 'ASC' },
      take: first,
    });
    return listings.map(({ sessionId }) => ({ sessionId }));
  }

  async ofComponent(componentId: string, first: number): Promise<{ sessionId: string; projectId: string }[]> {
    const listings = await this.dataSource.manager.find(SessionListing, {
      where: { componentId },
      order: { updatedAt: 'DESC' },
      take: first,
    });
    return listings.map(({ sessionId, projectId }) => ({ sessionId, projectId }));
  }
}
