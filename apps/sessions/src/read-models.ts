import type { Projection, ProjectionDeps } from '@app/platform';
import { ArchivedProject, archivedProjectsProjection } from '@app/platform';
import { ProjectSettingsRecord } from './project-settings/project-settings.entity';
import { SandboxRunListing } from './sandbox-runs/sandbox-run-listing.entity';
import { SessionListing } from './session-runtime/session-listing.entity';

/** The read models and reactions of the sessions service that are fed by the bus (read models are listed by `npm run replay`). */
export function readModels(deps: ProjectionDeps): Projection[] {
  return [archivedProjectsProjection(deps)];
}

/** The TypeORM entities of every read model: those above and the inline ones written with their events (tables in the app's migrations). */
export const readModelEntities = [ArchivedProject, SessionListing, SandboxRunListing, ProjectSettingsRecord];
