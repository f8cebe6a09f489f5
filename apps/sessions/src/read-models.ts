import type { Projection, ProjectionDeps } from '@app/domain';
import { archivedProjectsProjection } from '@app/domain';

/** The read models and reactions of the sessions service that are fed by the bus (read models are listed by `npm run replay`). */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [archivedProjectsProjection(deps)];
}
