import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { requestLoader } from '@app/platform';
import { canRead, isUuid, NotFoundError } from '@app/domain';
import { ComponentLocation } from './component-location.entity';

/**
 * Where components live, for reads: the lookups one request makes at once (a component page asks
 * for the component and its design history side by side; `_entities` asks for each reference) are
 * one query. Writes keep `visibleComponent`, which also checks write access inside their unit of work.
 */
@Injectable()
export class ComponentLocations {
  private readonly manager: EntityManager;
  private readonly readable = requestLoader<string, ComponentLocation>(async (context, ids) => {
    const wanted = [...new Set(ids.filter(isUuid))];
    const rows = wanted.length === 0 ? [] : await this.manager.findBy(ComponentLocation, { id: In(wanted) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && canRead(context.identity, row.projectId) ? row : null;
    });
  });

  constructor(dataSource: DataSource) {
    this.manager = dataSource.manager;
  }

  /** Where the component lives if the caller may read its project; NOT_FOUND otherwise (existence is not leaked). */
  async visible(context: RequestContext, componentId: string): Promise<ComponentLocation> {
    const row = await this.readable(context).load(componentId);
    if (!row) throw new NotFoundError('component', componentId);
    return row;
  }

  /** The ones of `ids` the caller may read (unknown and hidden ids are left out), in the order asked. */
  async visibleMany(context: RequestContext, ids: readonly string[]): Promise<ComponentLocation[]> {
    // Not loadMany: it turns a failed read into Error entries, which would hide components silently.
    const loader = this.readable(context);
    const rows = await Promise.all(ids.map((id) => loader.load(id)));
    return rows.filter((row): row is ComponentLocation => row !== null);
  }
}
