import type { StoredEvent } from '@app/domain';
import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { NotFoundError, ValidationError } from '@app/domain';
import {
  CommandHandler,
  dataSourceExecutor,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
} from '@app/platform';
import type { DesignCommand, DesignState } from '../design/design.decider';
import { designDecider } from '../design/design.decider';
import type { DesignEvent, DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import { designTypeForKind } from '../design/design-templates';
import { diffDesigns } from '../design/design-diff';
import type { LinkedCriterion } from '../design/validate-design';
import { validateDesign } from '../design/validate-design';
import { CriterionCopy } from '../reactions/criterion-copy.entity';
import { StoryCopy } from '../reactions/story-copy.entity';
import type { DesignDiffView, DesignDocumentView, DesignValidationView } from './views/design.view';
import { ArchitectureRepository } from './architecture.repository';
import { moduleNameFor } from './views/component-view';
import { visibleComponent } from './project-access';
import { ComponentLocations } from './component-locations';

const MAX_DESIGN_BYTES = 512 * 1024;

/**
 * Design documents: every submitted version is stored with its validation result (a `design-<id>`
 * stream); the newest valid one is the accepted design. Validation runs against the architecture
 * as it stands in the same transaction (children, dependencies, names).
 */
@Injectable()
export class DesignService {
  private readonly repository: ArchitectureRepository;
  private readonly designs: CommandHandler<DesignCommand, DesignState, DesignEvent>;
  private readonly sql: SqlExecutor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
    private readonly locations: ComponentLocations,
  ) {
    this.repository = new ArchitectureRepository(store);
    this.designs = new CommandHandler(store, designDecider);
    this.sql = dataSourceExecutor(dataSource);
  }

  async submit(context: RequestContext, componentId: string, markdown: string): Promise<DesignDocumentView> {
    const row = await visibleComponent(this.sql, context.identity, componentId, 'write');
    this.checkSize(markdown);
    const submitted = await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        const { component, contextName, validation } = await this.validateAgainstArchitecture(
          row.projectId,
          componentId,
          markdown,
          sql,
        );
        const at = new Date().toISOString();
        const metadata = {
          projectId: row.projectId,
          actor: context.identity.actor,
          correlationId: context.correlationId,
        };
        const { events } = await this.designs.handle(
          designStreamId(componentId),
          {
            type: 'SubmitDesign',
            designId: randomUUID(),
            componentId,
            componentName: component.name,
            contextName,
            markdown,
            sha256: createHash('sha256').update(markdown).digest('hex'),
            validation,
            at,
          },
          { sql, metadata, expectedVersion: component.designVersions },
        );
        const event = events[0];
        const version = event.data.version;
        await this.repository.execute(
          sql,
          row.projectId,
          { type: 'RecordComponentDesign', componentId, designVersion: version, valid: validation.valid, at },
          metadata,
        );
        return event;
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
    const history = await this.history(context, componentId);
    return history.find((d) => d.version === submitted.data.version)!;
  }

  /**
   * The same rules as `submit`, against the architecture as it stands, without storing anything:
   * for people checking a draft and for the sessions service's revise loop.
   */
  async validate(
    context: RequestContext,
    componentId: string,
    markdown: string,
  ): Promise<DesignValidationView> {
    const row = await visibleComponent(this.sql, context.identity, componentId, 'read');
    this.checkSize(markdown);
    const { validation } = await this.validateAgainstArchitecture(
      row.projectId,
      componentId,
      markdown,
      this.sql,
    );
    return {
      componentId,
      valid: validation.valid,
      errors: validation.errors.map((e) => ({ code: e.code, message: e.message, section: e.section })),
      proposedComponents: [...validation.proposedComponents],
      testAssertions: [...validation.testAssertions],
    };
  }

  private checkSize(markdown: string): void {
    if (Buffer.byteLength(markdown) > MAX_DESIGN_BYTES) {
      throw new ValidationError(`a design may be at most ${MAX_DESIGN_BYTES} bytes`, [
        { field: 'markdown', message: 'too large' },
      ]);
    }
  }

  private async validateAgainstArchitecture(
    projectId: string,
    componentId: string,
    markdown: string,
    sql: SqlExecutor,
  ) {
    const state = await this.repository.load(projectId, sql);
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

  async history(context: RequestContext, componentId: string): Promise<DesignDocumentView[]> {
    await this.locations.visible(context, componentId);
    const events = await this.store.readStream<DesignSubmitted>(designStreamId(componentId));
    const acceptedVersion = [...events].reverse().find((e) => e.data.valid)?.version;
    return events.map((event) => toDocument(event, event.version === acceptedVersion));
  }

  /** A given version, or the accepted one (newest valid) when `version` is omitted. */
  async design(
    context: RequestContext,
    componentId: string,
    version?: number,
  ): Promise<DesignDocumentView | null> {
    const history = await this.history(context, componentId);
    if (version === undefined) return history.find((d) => d.accepted) ?? null;
    const found = history.find((d) => d.version === version);
    if (!found) throw new NotFoundError('design version', `${componentId}@${version}`);
    return found;
  }

  async diff(
    context: RequestContext,
    componentId: string,
    fromVersion: number,
    toVersion: number,
  ): Promise<DesignDiffView> {
    const history = await this.history(context, componentId);
    const pick = (version: number, field: string) => {
      const found = history.find((d) => d.version === version);
      if (!found)
        throw new ValidationError(`${field} ${version} does not exist`, [
          { field, message: `must be between 1 and ${history.length}` },
        ]);
      return found;
    };
    const from = pick(fromVersion, 'fromVersion');
    const to = pick(toVersion, 'toVersion');
    return { componentId, fromVersion, toVersion, diff: diffDesigns(from.markdown, to.markdown) };
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

function toDocument(event: StoredEvent<DesignSubmitted>, accepted: boolean): DesignDocumentView {
  const data = event.data;
  return {
    id: data.designId,
    componentId: data.componentId,
    version: data.version,
    markdown: data.markdown,
    valid: data.valid,
    accepted,
    errors: data.errors.map((e) => ({ code: e.code, message: e.message, section: e.section })),
    proposedComponents: [...data.proposedComponents],
    testAssertions: [...data.testAssertions],
    sha256: data.sha256,
    submittedAt: data.at,
    submittedBy: event.metadata.actor ?? null,
  };
}
