import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import { asDecided } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import {
  CommandHandler,
  dataSourceExecutor,
  EventBusLifecycle,
  inTransaction,
  PostgresEventStore,
} from '@app/platform';
import type { SessionCommand } from '../session/session.decider';
import { sessionDecider } from '../session/session.decider';
import type { SessionEvent, SessionStatus } from '../session/session.events';
import { sessionStreamId } from '../session/session.events';
import type { SessionState } from '../session/session.state';

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
      await tx.query(
        `INSERT INTO sessions (session_id, project_id, component_id, parent_id, type, status, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (session_id) DO UPDATE SET status = $6, updated_at = $7`,
        [
          next.sessionId,
          next.projectId,
          next.componentId,
          next.parentId,
          next.type,
          next.status,
          next.updatedAt,
        ],
      );
      return next;
    };
    const next = sql ? await work(sql) : await inTransaction(this.dataSource, work);
    this.bus.poke();
    return next;
  }

  async running(limit: number): Promise<string[]> {
    const { rows } = await dataSourceExecutor(this.dataSource).query<{ session_id: string }>(
      `SELECT session_id FROM sessions WHERE status = 'RUNNING' ORDER BY updated_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.session_id);
  }

  async children(
    parentId: string,
  ): Promise<{ sessionId: string; componentId: string; status: SessionStatus }[]> {
    const { rows } = await dataSourceExecutor(this.dataSource).query<{
      session_id: string;
      component_id: string;
      status: SessionStatus;
    }>(`SELECT session_id, component_id, status FROM sessions WHERE parent_id = $1 ORDER BY session_id`, [
      parentId,
    ]);
    return rows.map((r) => ({ sessionId: r.session_id, componentId: r.component_id, status: r.status }));
  }

  async ofComponent(componentId: string, first: number): Promise<{ sessionId: string; projectId: string }[]> {
    const { rows } = await dataSourceExecutor(this.dataSource).query<{
      session_id: string;
      project_id: string;
    }>(
      `SELECT session_id, project_id FROM sessions WHERE component_id = $1 ORDER BY updated_at DESC LIMIT $2`,
      [componentId, first],
    );
    return rows.map((r) => ({ sessionId: r.session_id, projectId: r.project_id }));
  }
}
