import type { EntityManager } from 'typeorm';
import type { PublicSessionEvent } from '@app/domain';
import type { Projection, ProjectionDeps } from '@app/platform';
import { contractHandlers, writeEntity } from '@app/platform';
import { SESSION_STREAM, sessionIdFromStream, SESSIONS_SERVICE } from '@app/domain';
import { RunningSession } from './running-session.entity';

async function ended(manager: EntityManager, streamId: string): Promise<void> {
  await manager.delete(RunningSession, { sessionId: sessionIdFromStream(streamId) });
}

/** Which components have an automated session running: a row from its start to its end. */
export function runningSessionsProjection(deps: ProjectionDeps): Projection {
  return {
    name: 'architect.running_sessions',
    schema: deps.config.schema,
    tables: ['running_sessions'],
    sources: [{ service: SESSIONS_SERVICE, streamTypes: [SESSION_STREAM] }],
    handlers: contractHandlers<PublicSessionEvent>({
      SessionStarted: async (event, { manager }) => {
        const { sessionId, projectId, componentId, sessionType, at } = event.data;
        const row: RunningSession = {
          sessionId,
          projectId,
          componentId,
          sessionType,
          startedAt: new Date(at),
        };
        await writeEntity(manager, RunningSession, row, 'ignore');
      },
      SessionSucceeded: (event, { manager }) => ended(manager, event.streamId),
      SessionFailed: (event, { manager }) => ended(manager, event.streamId),
      SessionCancelled: (event, { manager }) => ended(manager, event.streamId),
    }),
  };
}
