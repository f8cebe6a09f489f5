import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import {
  CommandHandler,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
  writeEntity,
} from '@app/platform';
import type { SessionCommand } from '../session/session.decider';
import { sessionDecider } from '../session/session.decider';
import type { SessionEvent, SessionStatus } from '../session/session.events';
import { sessionStreamId } from '../session/session.events';
import type { SessionState } from '../session/session.state';
import { SessionListing } from './session-listing.entity';

/** A session's stream through the one write path (`CommandHandler`, `withUnitOfWork`), with its inline `sessions` row. */
@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.handler = new CommandHandler(store, sessionDecider);
  }

  private readonly handler: CommandHandler<SessionCommand, SessionState, SessionEvent>;

  /** The session as its stream has it (from the stream's cached fold); one never started has only its id. */
  async load(sessionId: string, sql?: SqlExecutor): Promise<SessionState> {
    const { state } = await this.handler.load(sessionStreamId(sessionId), sql);
    return state.exists ? state : { ...state, sessionId };
  }

  /**
   * Decides against the version of the state given (a concurrent change, a cancel or another
   * driver, makes this a CONFLICT instead of a lost update) and appends, with the `sessions` row,
   * in one unit of work: the caller's transaction when it gives one.
   */
  async execute(state: SessionState, command: SessionCommand, sql?: SqlExecutor): Promise<SessionState> {
    const work = (tx: SqlExecutor) => this.append(state, command, tx);
    const { next, changed } = sql
      ? await work(sql)
      : await withUnitOfWork(this.dataSource, work, { retryOnConflict: false });
    if (changed) this.bus.poke();
    return next;
  }

  private async append(
    state: SessionState,
    command: SessionCommand,
    sql: SqlExecutor,
  ): Promise<{ next: SessionState; changed: boolean }> {
    const starting = state.version === 0 && command.type === 'StartSession' ? command.data : null;
    const metadata: EventMetadata = {
      projectId: starting?.projectId ?? state.projectId,
      actor: starting?.startedBy.actor ?? state.startedBy.actor,
      correlationId: starting?.correlationId ?? state.correlationId,
    };
    const { state: next, events } = await this.handler.handle(
      sessionStreamId(starting?.sessionId ?? state.sessionId),
      command,
      { sql, metadata, expectedVersion: state.version },
    );
    if (events.length === 0) return { next: state, changed: false };
    await writeEntity(
      sql.manager,
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
    return { next, changed: true };
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
