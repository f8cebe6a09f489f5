import type { Projection, ProjectionDeps } from '@app/platform';
import { CriterionRefCounter } from './persistence/criterion-ref-counter.entity';
import { ProjectRecord } from './persistence/project-record.entity';
import { StoryRecord } from './persistence/story-record.entity';
import { architectLinksReaction } from './reactions/architect-links.reaction';

/**
 * What the stories service consumes from the bus: the architect's links and dirty marks (a
 * reaction). Its own read models (`projects`, `stories`) are written inline with its events.
 */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [architectLinksReaction(deps)];
}

/**
 * The service's TypeORM entities: every read model (those above and the inline ones written with
 * their events) and the per-project counter of criterion references; tables in the app's migrations.
 */
export const readModelEntities = [StoryRecord, ProjectRecord, CriterionRefCounter];
