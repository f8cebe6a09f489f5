import type { Identity } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { authorize, canRead, isUuid, NotFoundError } from '@app/domain';
import { assertProjectWritable } from '@app/platform';
import { ComponentLocation } from './component-location.entity';

/** Where the component lives if the identity may see its project; NOT_FOUND otherwise (existence is not leaked). */
export async function visibleComponent(
  sql: SqlExecutor,
  identity: Identity,
  componentId: string,
  access: 'read' | 'write',
): Promise<ComponentLocation> {
  const row = isUuid(componentId)
    ? await sql.manager.findOneBy(ComponentLocation, { id: componentId })
    : null;
  if (!row || !canRead(identity, row.projectId)) throw new NotFoundError('component', componentId);
  authorize(identity, row.projectId, access, { what: 'component', id: componentId });
  if (access === 'write') await assertProjectWritable(sql, row.projectId);
  return row;
}

/** Projects are owned by the stories service; the architect knows a project once it has seen one of its stories or components. */
export function authorizeProject(identity: Identity, projectId: string, access: 'read' | 'write'): void {
  if (!isUuid(projectId)) throw new NotFoundError('project', projectId);
  authorize(identity, projectId, access);
}
