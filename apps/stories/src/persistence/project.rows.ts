import type { SqlExecutor } from '@app/platform';
import { isUuid } from '@app/domain';
import type { Project } from '../project/project.state';

export interface ProjectRow {
  id: string;
  name: string;
  description: string;
  archived: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function saveProjectRow(sql: SqlExecutor, project: Project): Promise<void> {
  await sql.query(
    `INSERT INTO projects (id, name, description, archived, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
       archived = EXCLUDED.archived, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [
      project.id,
      project.name,
      project.description,
      project.archivedAt !== null,
      project.version,
      project.createdAt,
      project.updatedAt,
    ],
  );
}

export async function findProjectRow(sql: SqlExecutor, id: string): Promise<ProjectRow | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await sql.query<ProjectRow>(
    `SELECT id, name, description, archived, version, created_at, updated_at FROM projects WHERE id = $1`,
    [id],
  );
  return rows[0];
}
