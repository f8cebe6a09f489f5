import type { Projection, ProjectionDeps } from '@app/platform';
import { timelineProjection } from './timeline/timeline.projection';
import { KnownProject } from './timeline/known-project.entity';
import { TimelineEntry } from './timeline/timeline-entry.entity';

/** The gateway consumes every service's events into the project-wide audit timeline. */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [timelineProjection(deps)];
}

/** The TypeORM entities of those read models (their tables are in the app's migrations). */
export const readModelEntities = [TimelineEntry, KnownProject];
