import type { Projection, ProjectionDeps } from '@app/platform';
import { timelineProjection } from './timeline/timeline.projection';

/** The gateway consumes every service's events into the project-wide audit timeline. */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [timelineProjection(deps)];
}
