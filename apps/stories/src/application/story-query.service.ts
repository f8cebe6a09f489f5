import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource, Not } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { asDecided, authorize, canRead, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { PostgresEventStore } from '@app/platform';
import { exportStoriesMarkdown } from '@app/domain';
import { ProjectRecord } from '../persistence/project-record.entity';
import { findProjectRecord } from '../persistence/project.records';
import { StoryRecord } from '../persistence/story-record.entity';
import { findStoryRecord, findStoryRecords } from '../persistence/story.records';
import { reviewStory } from '../review/story-review';
import { diffStories } from '../story/story.diff';
import type { StoryEvent } from '../story/story.events';
import { foldStory } from '../story/story.state';
import { storyStreamId } from '../story/story.stream';
import type { StoryPriority, StoryStatus } from '../story/story.values';
import type { EventRecordView, StoryDiffView, StoryReviewView } from './views/history.view';
import type { ProjectView, StoryPageView, StoryView } from './views/story.view';
import { projectFromRecord, storyFromRecord, storyFromState } from './views/story-views';

export interface StoryFilter {
  readonly projectId: string;
  readonly status?: StoryStatus;
  readonly priority?: StoryPriority;
  readonly tag?: string;
  readonly componentId?: string;
  readonly search?: string;
  readonly first?: number;
  readonly after?: string;
}

const MAX_PAGE = 100;

/** Reads of the stories service: the `stories`/`projects` read models, and the streams for history. */
@Injectable()
export class StoryQueryService {
  private readonly manager: EntityManager;

  constructor(
    dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {
    this.manager = dataSource.manager;
  }

  async project(context: RequestContext, id: string): Promise<ProjectView> {
    return projectFromRecord(await this.visibleProject(context, id));
  }

  async projects(context: RequestContext): Promise<ProjectView[]> {
    const { projectId } = context.identity;
    const records = await this.manager.find(ProjectRecord, {
      where: projectId === null ? {} : { id: projectId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return records.map(projectFromRecord);
  }

  /** The story now, or as it stood at `atVersion` (folded from its events up to that version). */
  async story(context: RequestContext, id: string, atVersion?: number): Promise<StoryView> {
    const row = await this.visibleStory(context, id, atVersion !== undefined);
    if (atVersion === undefined) return storyFromRecord(row);
    if (!Number.isInteger(atVersion) || atVersion < 1 || atVersion > row.version) {
      throw new ValidationError(`atVersion must be between 1 and ${row.version}`, [
        { field: 'atVersion', message: `must be between 1 and ${row.version}` },
      ]);
    }
    const state = foldStory(await this.events(id, atVersion));
    if (!state) throw new NotFoundError('story', id);
    return storyFromState(state);
  }

  /** Stories by id, each as the caller may see it now (unknown, deleted or hidden → null): one query. */
  async storiesByIds(context: RequestContext, ids: readonly string[]): Promise<(StoryView | null)[]> {
    const records = await findStoryRecords(this.manager, ids);
    return ids.map((id) => {
      const row = records.get(id);
      return isVisible(context.identity, row, false) ? storyFromRecord(row) : null;
    });
  }

  async stories(context: RequestContext, filter: StoryFilter): Promise<StoryPageView> {
    await this.visibleProject(context, filter.projectId);
    const first = filter.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new ValidationError(`first must be between 1 and ${MAX_PAGE}`, [
        { field: 'first', message: `must be between 1 and ${MAX_PAGE}` },
      ]);
    }
    const after = filter.after === undefined ? undefined : decodeCursor(filter.after);
    const matching = this.manager
      .createQueryBuilder(StoryRecord, 'story')
      .where('story.project_id = :projectId AND NOT story.deleted', { projectId: filter.projectId });
    if (filter.status) matching.andWhere('story.status = :status', { status: filter.status });
    if (filter.priority) matching.andWhere('story.priority = :priority', { priority: filter.priority });
    if (filter.tag) matching.andWhere(':tag = ANY(story.tags)', { tag: filter.tag.trim().toLowerCase() });
    if (filter.componentId)
      matching.andWhere('story.component_id = :componentId', { componentId: filter.componentId });
    if (filter.search?.trim())
      matching.andWhere(
        "(story.title ILIKE :search ESCAPE '\\' OR story.description ILIKE :search ESCAPE '\\')",
        { search: `%${escapeLike(filter.search.trim())}%` },
      );
    const totalCount = await matching.getCount();
    const pageQuery = matching.clone();
    if (after)
      pageQuery.andWhere(
        '(story.created_at, story.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))',
        {
          afterAt: after.createdAt,
          afterId: after.id,
        },
      );
    const rows = await pageQuery
      .orderBy('story.created_at', 'ASC')
      .addOrderBy('story.id', 'ASC')
      .limit(first + 1)
      .getMany();
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ node: storyFromRecord(row), cursor: encodeCursor(row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
      },
      totalCount,
    };
  }

  async history(context: RequestContext, id: string): Promise<EventRecordView[]> {
    await this.visibleStory(context, id, true);
    const events = await this.store.readStream(storyStreamId(id));
    return events.map((event) => ({
      eventId: event.eventId,
      type: event.type,
      version: event.version,
      occurredAt: event.recordedAt,
      actor: event.metadata.actor ?? null,
      data: event.data,
    }));
  }

  async diff(
    context: RequestContext,
    id: string,
    fromVersion: number,
    toVersion: number,
  ): Promise<StoryDiffView> {
    const row = await this.visibleStory(context, id, true);
    for (const [field, value] of [
      ['fromVersion', fromVersion],
      ['toVersion', toVersion],
    ] as const) {
      if (!Number.isInteger(value) || value < 0 || value > row.version) {
        throw new ValidationError(`${field} must be between 0 and ${row.version}`, [
          { field, message: `must be between 0 and ${row.version}` },
        ]);
      }
    }
    const events = await this.events(id, Math.max(fromVersion, toVersion));
    const changes = diffStories(foldStory(events, fromVersion), foldStory(events, toVersion));
    return {
      storyId: id,
      fromVersion,
      toVersion,
      changes: changes.map((c) => ({
        field: c.criterionId ? `${c.field}[${c.criterionId}]` : c.field,
        before: c.before,
        after: c.after,
      })),
    };
  }

  async review(context: RequestContext, id: string): Promise<StoryReviewView> {
    const row = await this.visibleStory(context, id, false);
    const others = await this.manager.find(StoryRecord, {
      select: { title: true },
      where: { projectId: row.projectId, deleted: false, id: Not(id) },
    });
    const review = reviewStory(
      storyFromRecord(row),
      others.map((other) => other.title),
    );
    return {
      storyId: id,
      score: review.score,
      findings: review.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    };
  }

  async exportMarkdown(context: RequestContext, projectId: string): Promise<string> {
    const project = await this.visibleProject(context, projectId);
    const records = await this.manager.find(StoryRecord, {
      where: { projectId, deleted: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return exportStoriesMarkdown(
      project.name,
      records.map((record) => ({
        title: record.title,
        description: record.description,
        acceptanceCriteria: record.acceptanceCriteria.map((c) => ({
          ...(c.ref ? { ref: c.ref } : {}),
          description: c.description,
        })),
      })),
    );
  }

  async visibleProject(context: RequestContext, id: string): Promise<ProjectRecord> {
    const row = await findProjectRecord(this.manager, id);
    if (!row || !canRead(context.identity, row.id)) throw new NotFoundError('project', id);
    return row;
  }

  private async visibleStory(
    context: RequestContext,
    id: string,
    includeDeleted: boolean,
  ): Promise<StoryRecord> {
    const row = await findStoryRecord(this.manager, id);
    if (!isVisible(context.identity, row, includeDeleted)) throw new NotFoundError('story', id);
    authorize(context.identity, row.projectId, 'read', { what: 'story', id });
    return row;
  }

  private async events(id: string, toVersion: number): Promise<StoryEvent[]> {
    const stored = await this.store.readStream<StoryEvent>(storyStreamId(id), { toVersion });
    return stored.map((e) => asDecided<StoryEvent>(e));
  }
}

/** The caller may see this record: its project is theirs, and a deleted story only when its past is asked for. */
function isVisible(
  identity: RequestContext['identity'],
  row: StoryRecord | null | undefined,
  includeDeleted: boolean,
): row is StoryRecord {
  return !!row && (!row.deleted || includeDeleted) && canRead(identity, row.projectId);
}

function encodeCursor(row: StoryRecord): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
    throw new ValidationError('after is not a cursor returned by this API', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  }
  return { createdAt, id };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
