import type { Projection, ProjectionDeps } from '@app/platform';
import { ArchivedProject, archivedProjectsProjection } from '@app/platform';
import { ProjectSettingsRecord } from './project-settings/project-settings.entity';
import { SandboxRunListing } from './sandbox-runs/sandbox-run-listing.entity';
import { SessionListing } from './session-runtime/session-listing.entity';
import { gitRecordProjection } from './git-record/git-record.projection';
import { RecordComponent } from './git-record/record-component.entity';
import { RecordProject } from './git-record/record-project.entity';
import { RecordStory } from './git-record/record-story.entity';
import type { GitRepositories } from './workspace/git-repository';

/**
 * The read models and reactions of the sessions service that are fed by the bus (read models are
 * listed by `npm run replay`). The git record writes repositories: it runs only where they are given.
 */
export function readModels(deps: ProjectionDeps, repos?: GitRepositories): Projection[] {
  return [archivedProjectsProjection(deps), ...(repos ? [gitRecordProjection(deps, repos)] : [])];
}

/** The TypeORM entities of every read model: those above and the inline ones written with their events (tables in the app's migrations). */
export const readModelEntities = [
  ArchivedProject,
  SessionListing,
  SandboxRunListing,
  ProjectSettingsRecord,
  RecordProject,
  RecordStory,
  RecordComponent,
];
