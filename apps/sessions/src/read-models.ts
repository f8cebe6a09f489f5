import type { Projection, ProjectionDeps } from '@app/platform';
import { ArchivedProject, archivedProjectsProjection } from '@app/platform';

/** The read models and reactions of the sessions service that are fed by the bus (read models are listed by `npm run replay`). */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [archivedProjectsProjection(deps)];
}

/** The TypeORM entities of those read models (their tables are in the app's migrations). */
export const readModelEntities = [ArchivedProject];
