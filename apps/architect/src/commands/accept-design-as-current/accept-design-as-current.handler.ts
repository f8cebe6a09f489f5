import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { ValidationError } from '@app/domain';
import {
  assertProjectWritable,
  dataSourceExecutor,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
} from '@app/platform';
import { In } from 'typeorm';
import { ArchitectureRepository } from '../architecture.repository';
import { visibleComponent } from '../../component-locations/project-access';
import { CriterionCopy } from '../../story-copies/criterion-copy.entity';
import { storiesVerifiedNow } from '../../traceability/story-verification';
import type { ComponentState } from '../../architecture/architecture.state';

export interface AcceptDesignAsCurrentRequest {
  readonly componentId: string;
  readonly reason: string;
  readonly causes?: readonly { readonly source: string; readonly version: number }[] | null;
  /** `AC-n` references of the component's stories. */
  readonly keepEvidenceFor?: readonly string[] | null;
}

/**
 * The waiver: the causes it names (or every one) are accepted with a reason, and the criteria it
 * names keep their evidence. In the same transaction, every linked story whose criteria are all
 * VERIFIED once it is recorded is recorded as verified too, so that a story is COMPLETED exactly
 * when its trace is.
 */
@Injectable()
export class AcceptDesignAsCurrentHandler {
  private readonly repository: ArchitectureRepository;
  private readonly sql: SqlExecutor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.repository = new ArchitectureRepository(store);
    this.sql = dataSourceExecutor(dataSource);
  }

  async handle(context: RequestContext, request: AcceptDesignAsCurrentRequest): Promise<void> {
    const target = await visibleComponent(this.sql, context.identity, request.componentId, 'write');
    const metadata = { actor: context.identity.actor, correlationId: context.correlationId };
    await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        await assertProjectWritable(sql, target.projectId);
        const before = await this.repository.load(target.projectId, sql);
        const component = before.components.get(request.componentId);
        const at = new Date().toISOString();
        const { state } = await this.repository.execute(
          sql,
          target.projectId,
          {
            type: 'AcceptDesignAsCurrent',
            componentId: request.componentId,
            reason: request.reason,
            ...(request.causes ? { causes: request.causes } : {}),
            keepEvidenceFor: component
              ? await this.criteriaOf(sql, component, request.keepEvidenceFor ?? [])
              : [],
            at,
          },
          metadata,
        );
        const after = state.components.get(request.componentId);
        if (!after) return;
        for (const { storyId, runId } of await storiesVerifiedNow(this.store, sql, after))
          if (runId && !after.verifiedStoryIds.includes(storyId))
            await this.repository.execute(
              sql,
              target.projectId,
              { type: 'RecordStoryVerified', componentId: after.id, storyId, runId, at },
              metadata,
            );
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
  }

  /** The criteria the references name among the component's stories; an unknown one is refused, named. */
  private async criteriaOf(
    sql: SqlExecutor,
    component: ComponentState,
    refs: readonly string[],
  ): Promise<{ criterionId: string; ref: string }[]> {
    if (refs.length === 0) return [];
    const copies =
      component.storyIds.length === 0
        ? []
        : await sql.manager.findBy(CriterionCopy, { storyId: In([...component.storyIds]) });
    const byRef = new Map(copies.filter((c) => c.ref).map((c) => [c.ref!.toUpperCase(), c]));
    const unknown = refs.filter((ref) => !byRef.has(ref.trim().toUpperCase()));
    if (unknown.length > 0)
      throw new ValidationError(
        `${component.name} has no criterion ${unknown.join(', ')} among its stories' criteria`,
        unknown.map((ref) => ({
          field: 'keepEvidenceFor',
          message: `no criterion ${ref} on this component`,
        })),
      );
    return refs.map((ref) => {
      const copy = byRef.get(ref.trim().toUpperCase())!;
      return { criterionId: copy.criterionId, ref: copy.ref! };
    });
  }
}
