import type { StoredEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { NotFoundError, ValidationError } from '@app/domain';
import { dataSourceExecutor, PostgresEventStore } from '@app/platform';
import type { DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import { diffDesigns } from '../design/design-diff';
import { visibleComponent } from '../component-locations/project-access';
import { ComponentLocations } from '../component-locations/component-locations';
import { DesignCheck } from './design-check';
import type { DesignDiffView, DesignDocumentView, DesignValidationView } from './views/design.view';

/**
 * Design documents as stored: every submitted version of a component (a `design-<id>` stream)
 * with its validation result, the accepted one (the newest valid), diffs between versions, and a
 * draft checked by the same rules without storing it.
 */
@Injectable()
export class DesignQueryService {
  private readonly sql: SqlExecutor;

  constructor(
    dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly locations: ComponentLocations,
    private readonly designCheck: DesignCheck,
  ) {
    this.sql = dataSourceExecutor(dataSource);
  }

  /**
   * The same rules as `submitDesign`, against the architecture as it stands, without storing
   * anything: for people checking a draft and for the sessions service's revise loop.
   */
  async validate(
    context: RequestContext,
    componentId: string,
    markdown: string,
  ): Promise<DesignValidationView> {
    const row = await visibleComponent(this.sql, context.identity, componentId, 'read');
    const { validation } = await this.designCheck.check(row.projectId, componentId, markdown, this.sql);
    return {
      componentId,
      valid: validation.valid,
      errors: validation.errors.map((e) => ({ code: e.code, message: e.message, section: e.section })),
      proposedComponents: [...validation.proposedComponents],
      testAssertions: [...validation.testAssertions],
    };
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
