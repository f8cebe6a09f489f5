import type { Projection, ProjectionDeps } from '@app/platform';
import { archivedProjectsProjection } from '@app/platform';
import { componentStatusReaction } from './reactions/dirty-propagation.reaction';
import { storyCopiesProjection } from './reactions/story-copies.projection';

/** The architect consumes the stories (a local copy) and reacts to story revisions and sandbox runs. */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [storyCopiesProjection(deps), componentStatusReaction(deps), archivedProjectsProjection(deps)];
}
