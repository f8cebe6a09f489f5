import type { PublicProjectEvent } from '@app/domain';
import { contractHandlers } from '../bus/contract-handlers';
import type { Projection } from '../bus/projection';
import { ArchivedProject } from './archived-project.entity';
import type { ProjectionDeps } from '../nest/event-sourcing.module';
import { PROJECT_STREAM, projectIdFromStream, STORIES_SERVICE } from '@app/domain';
import { ProjectArchivedError } from '@app/domain';
import type { Migration } from '../persistence/migration';
import type { SqlExecutor } from '../persistence/sql-executor';
import { writeEntity } from '../persistence/write-entity';

const TABLE = 'archived_projects';

/** The migration that gives a service its copy of which projects are archived. */
export function archivedProjectsMigration(version: number): Migration {
  return {
    version,
    name: 'archived-projects',
    up: (s) => `
      -- Projects archived in the stories service (a replayable read model fed by the bus).
      CREATE TABLE IF NOT EXISTS ${s}.${TABLE} (project_id uuid PRIMARY KEY);
    `,
  };
}

/**
 * Which projects are archived, fed by the stories service's ProjectArchived / ProjectUnarchived
 * events, so that every service refuses writes to an archived project on its own.
 */
export function archivedProjectsProjection(deps: ProjectionDeps): Projection {
  return {
    name: `${deps.config.service}.${TABLE}`,
    schema: deps.config.schema,
    tables: [TABLE],
    sources: [{ service: STORIES_SERVICE, streamTypes: [PROJECT_STREAM] }],
    handlers: contractHandlers<PublicProjectEvent>({
      ProjectArchived: async (event, { manager }) => {
        await writeEntity(
          manager,
          ArchivedProject,
          { projectId: projectIdFromStream(event.streamId) },
          'ignore',
        );
      },
      ProjectUnarchived: async (event, { manager }) => {
        await manager.delete(ArchivedProject, { projectId: projectIdFromStream(event.streamId) });
      },
    }),
  };
}

/** Throws FORBIDDEN when the project is archived (as far as this service's copy knows). */
export async function assertProjectWritable(sql: SqlExecutor, projectId: string): Promise<void> {
  const { rows } = await sql.query(`SELECT 1 FROM ${TABLE} WHERE project_id = $1`, [projectId]);
  if (rows.length > 0) throw new ProjectArchivedError(projectId);
}
