import type { Projection, ProjectionDeps } from '@app/platform';
import { architectLinksReaction } from './reactions/architect-links.reaction';

/**
 * What the stories service consumes from the bus: the architect's links and dirty marks (a
 * reaction). Its own read models (`projects`, `stories`) are written inline with its events.
 */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [architectLinksReaction(deps)];
}
