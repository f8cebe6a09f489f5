import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In, IsNull, Not } from 'typeorm';
import type { SqlExecutor } from '@app/platform';
import { NotFoundError, ValidationError } from '@app/domain';
import type { ComponentState } from '../architecture/architecture.state';
import { designTypeForKind } from '../design/design-templates';
import type { DesignValidation, LinkedCriterion } from '../design/validate-design';
import { validateDesign } from '../design/validate-design';
import { CriterionCopy } from '../story-copies/criterion-copy.entity';
import { StoryCopy } from '../story-copies/story-copy.entity';
import { ArchitectureReader } from './architecture-reader';
import { moduleNameFor } from './views/component-view';

/** The largest design document taken, in bytes. */
export const MAX_DESIGN_BYTES = 512 * 1024;

/** A design checked against its component as the architecture stands. */
export interface CheckedDesign {
  readonly component: ComponentState;
  /** The name of the context it belongs to (its own, for a context). */
  readonly contextName: string | null;
  readonly validation: DesignValidation;
}

/**
 * The rules a design is held to, against the architecture as it stands (its children, its
 * dependencies, its names, the criteria of its linked stories): the same for a submitted version
 * and for a draft that is only checked.
 */
@Injectable()
export class DesignCheck {
  constructor(private readonly architectures: ArchitectureReader) {}

  async check(
    projectId: string,
    componentId: string,
    markdown: string,
    sql: SqlExecutor,
  ): Promise<CheckedDesign> {
    if (Buffer.byteLength(markdown) > MAX_DESIGN_BYTES) {
      throw new ValidationError(`a design may be at most ${MAX_DESIGN_BYTES} bytes`, [
        { field: 'markdown', message: 'too large' },
      ]);
    }
    const state = await this.architectures.load(projectId, sql);
    const component = state.components.get(componentId);
    if (!component) throw new NotFoundError('component', componentId);
    const children = [...state.components.values()]
      .filter((c) => c.parentId === componentId)
      .map((c) => c.name);
    const dependencies = component.dependsOn.map((id) => state.components.get(id)?.name ?? id);
    const validation = validateDesign(markdown, {
      type: designTypeForKind(component.kind),
      componentName: component.name,
      moduleName: moduleNameFor(state, component) ?? undefined,
      childComponentNames: children,
      dependencyNames: dependencies,
      criteria: await linkedCriteria(sql.manager, component.storyIds),
    });
    const context = component.parentId === null ? component : state.components.get(component.parentId);
    return { component, contextName: context?.name ?? null, validation };
  }
}

/** The referenced criteria of the linked stories (from the local copies), story by story in their order. */
async function linkedCriteria(
  manager: EntityManager,
  storyIds: readonly string[],
): Promise<LinkedCriterion[]> {
  if (storyIds.length === 0) return [];
  const stories = await manager.find(StoryCopy, { where: { storyId: In([...storyIds]), deleted: false } });
  const titles = new Map(stories.map((story) => [story.storyId, story.title]));
  const criteria = await manager.find(CriterionCopy, {
    where: { storyId: In([...titles.keys()]), ref: Not(IsNull()) },
    order: { storyId: 'ASC', position: 'ASC' },
  });
  return criteria.map((criterion) => ({
    ref: criterion.ref!,
    description: criterion.description,
    storyTitle: titles.get(criterion.storyId)!,
  }));
}
