import type { Identity } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { authorize, canRead, isUuid, NotFoundError } from '@app/domain';
import { assertProjectWritable } from '@app/platform';

export interface ComponentRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly kind: string;
  readonly parent_id: string | null;
}

/** The component's row if the identity may see its project; NOT_FOUND otherwise (existence is not leaked). */
export async function visibleComponent(
  sql: SqlExecutor,
  identity: Identity,
  componentId: string,
  access: 'read' | 'write',
): Promise<ComponentRow> {
  const { rows } = isUuid(componentId)
    ? await sql.query<ComponentRow>(
        `SELECT id, project_id, name, kind, parent_id FROM components WHERE id = $1`,
        [componentId],
      )
    : { rows: [] as ComponentRow[] };
  const row = rows[0];
  if (!row || !canRead(identity, row.project_id)) throw new NotFoundError('component', componentId);
  authorize(identity, row.project_id, access, { what: 'component', id: componentId });
  if (access === 'write') await assertProjectWritable(sql, row.project_id);
  return row;
}

/** Projects are owned by the stories service; the architect knows a project once it has seen one of its stories or components. */
export function authorizeProject(identity: Identity, projectId: string, access: 'read' | 'write'): void {
  if (!isUuid(projectId)) throw new NotFoundError('project', projectId);
  authorize(identity, projectId, access);
}
