import type { PublicProjectCreated } from '@app/domain';
import type { BusEvent, Projection, ProjectionDeps } from '@app/platform';
import { contractHandlers, writeEntities, writeEntity } from '@app/platform';
import { KnownProject } from './known-project.entity';
import { TimelineEntry } from './timeline-entry.entity';
import { TIMELINE_CHANNEL } from '../subscriptions/timeline-notifications';
import {
  ARCHITECT_SERVICE,
  ARCHITECTURE_STREAM,
  DESIGN_STREAM,
  GIT_COMMIT_STREAM,
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
    streamTypes: [
      SANDBOX_RUN_STREAM,
      'session',
      'workspace',
      'prompt',
      'story-review',
      'project-sandbox',
      GIT_COMMIT_STREAM,
    ],
  },
] as const;

/**
 * The project-wide audit timeline: one row per event of every service, built by consuming every
 * service's topic (or, embedded, every event store). Rows hold only what the event carries, so a
 * replay from offset 0 rebuilds the same table.
 */
export function timelineProjection(deps: ProjectionDeps): Projection {
  const projectNames = contractHandlers<PublicProjectCreated>({
    ProjectCreated: async (event, { manager }) => {
      const { projectId, name } = event.data;
      await writeEntity(manager, KnownProject, { projectId, name }, 'ignore');
    },
  });
  return {
    name: 'gateway.timeline',
    schema: deps.config.schema,
    tables: ['timeline', 'known_projects'],
    sources: TIMELINE_SOURCES.map((s) => ({ service: s.service, streamTypes: [...s.streamTypes] })),
    handlers: {},
    // The timeline takes every event of the system: a batch's rows go in a few multi-row statements.
    handleRun: async (events, context) => {
      await writeEntities(context.manager, TimelineEntry, events.map(timelineEntry), 'ignore');
      // Wakes each session's subscribers when this transaction commits (push, not poll).
      const sessions = new Set(events.filter((e) => e.streamType === 'session').map((e) => e.streamId));
      for (const sessionId of sessions)
        await context.manager.query('SELECT pg_notify($1, $2)', [TIMELINE_CHANNEL, sessionId]);
      for (const event of events)
        if (event.service === STORIES_SERVICE) await projectNames[event.type]?.(event, context);
    },
  };
}

function timelineEntry(event: BusEvent): TimelineEntry {
  const projectId = event.metadata.projectId ?? null;
  return {
    eventId: event.eventId,
    projectId: projectId && isUuid(projectId) ? projectId : null,
    service: event.service,
    streamId: event.streamId,
    streamType: event.streamType,
    version: event.version,
    type: event.type,
    actor: event.metadata.actor ?? null,
    correlationId: event.metadata.correlationId ?? null,
    occurredAt: new Date(event.recordedAt),
    data: event.data,
  };
}
