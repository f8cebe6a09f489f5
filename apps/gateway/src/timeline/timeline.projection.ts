import type { PublicProjectCreated } from '@app/domain';
import type { Projection, ProjectionDeps } from '@app/platform';
import { contractHandlers } from '@app/platform';
import {
  ARCHITECT_SERVICE,
  ARCHITECTURE_STREAM,
  DESIGN_STREAM,
  isUuid,
  PROJECT_STREAM,
  SANDBOX_RUN_STREAM,
  SESSIONS_SERVICE,
  STORIES_SERVICE,
  STORY_STREAM,
} from '@app/domain';

/** Every stream type of every service that belongs on the audit timeline. */
export const TIMELINE_SOURCES = [
  { service: STORIES_SERVICE, streamTypes: [PROJECT_STREAM, STORY_STREAM] },
  { service: ARCHITECT_SERVICE, streamTypes: [ARCHITECTURE_STREAM, DESIGN_STREAM] },
  {
    service: SESSIONS_SERVICE,
    streamTypes: [SANDBOX_RUN_STREAM, 'session', 'workspace', 'prompt', 'story-review', 'project-sandbox'],
  },
] as const;

/**
 * The project-wide audit timeline: one row per event of every service, built by consuming every
 * service's topic (or, embedded, every event store). Rows hold only what the event carries, so a
 * replay from offset 0 rebuilds the same table.
 */
export function timelineProjection(deps: ProjectionDeps): Projection {
  const projectNames = contractHandlers<PublicProjectCreated>({
    ProjectCreated: async (event, { sql, table }) => {
      await sql.query(
        `INSERT INTO ${table('known_projects')} (project_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [event.data.projectId, event.data.name],
      );
    },
  });
  return {
    name: 'gateway.timeline',
    schema: deps.config.schema,
    tables: ['timeline', 'known_projects'],
    sources: TIMELINE_SOURCES.map((s) => ({ service: s.service, streamTypes: [...s.streamTypes] })),
    handlers: {
      '*': async (event, { sql, table }) => {
        const projectId = event.metadata.projectId ?? null;
        await sql.query(
          `INSERT INTO ${table('timeline')} (event_id, project_id, service, stream_id, stream_type, version, type, actor, correlation_id, occurred_at, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (event_id) DO NOTHING`,
          [
            event.eventId,
            projectId && isUuid(projectId) ? projectId : null,
            event.service,
            event.streamId,
            event.streamType,
            event.version,
            event.type,
            event.metadata.actor ?? null,
            event.metadata.correlationId ?? null,
            event.recordedAt,
            JSON.stringify(event.data),
          ],
        );
        if (event.service === STORIES_SERVICE) await projectNames[event.type]?.(event, { sql, table });
      },
    },
  };
}
