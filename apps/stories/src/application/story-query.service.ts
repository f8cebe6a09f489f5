import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { asDecided, authorize, canRead, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { dataSourceExecutor, PostgresEventStore } from '@app/platform';
import { exportStoriesMarkdown } from '../markdown/user-stories-markdown';
import type { ProjectRow } from '../persistence/project.rows';
import { findProjectRow } from '../persistence/project.rows';
import type { StoryRow } from '../persistence/story.rows';
import { findStoryRow, STORY_COLUMNS } from '../persistence/story.rows';
import { reviewStory } from '../review/story-review';
import { diffStories } from '../story/story.diff';
import type { StoryEvent } from '../story/story.events';
import { foldStory } from '../story/story.state';
import { storyStreamId } from '../story/story.stream';
import type { StoryPriority, StoryStatus } from '../story/story.values';
import type { EventRecordView, StoryDiffView, StoryReviewView } from './views/history.view';
import type { ProjectView, StoryPageView, StoryView } from './views/story.view';
import { projectFromRow, storyFromRow, storyFromState } from './views/story-views';

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
  private readonly sql: SqlExecutor;

  constructor(
    dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {
    this.sql = dataSourceExecutor(dataSource);
  }

  async project(context: RequestContext, id: string): Promise<ProjectView> {
    return projectFromRow(await this.visibleProject(context, id));
  }

  async projects(context: RequestContext): Promise<ProjectView[]> {
    const { projectId } = context.identity;
    const { rows } = await this.sql.query<ProjectRow>(
      `SELECT id, name, description, archived, version, created_at, updated_at FROM projects
        WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY created_at, id`,
      [projectId],
    );
    return rows.map(projectFromRow);
  }

  /** The story now, or as it stood at `atVersion` (folded from its events up to that version). */
  async story(context: RequestContext, id: string, atVersion?: number): Promise<StoryView> {
    const row = await this.visibleStory(context, id, atVersion !== undefined);
    if (atVersion === undefined) return storyFromRow(row);
    if (!Number.isInteger(atVersion) || atVersion < 1 || atVersion > row.version) {
      throw new ValidationError(`atVersion must be between 1 and ${row.version}`, [
        { field: 'atVersion', message: `must be between 1 and ${row.version}` },
      ]);
    }
    const state = foldStory(await this.events(id, atVersion));
    if (!state) throw new NotFoundError('story', id);
    return storyFromState(state);
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
    const conditions = ['project_id = $1', 'NOT deleted'];
    const params: unknown[] = [filter.projectId];
    const add = (condition: (n: number) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(params.length));
    };
    if (filter.status) add((n) => `status = $${n}`, filter.status);
    if (filter.priority) add((n) => `priority = $${n}`, filter.priority);
    if (filter.tag) add((n) => `$${n} = ANY(tags)`, filter.tag.trim().toLowerCase());
    if (filter.componentId) add((n) => `component_id = $${n}`, filter.componentId);
    if (filter.search?.trim())
      add(
        (n) => `(title ILIKE $${n} ESCAPE '\\' OR description ILIKE $${n} ESCAPE '\\')`,
        `%${escapeLike(filter.search.trim())}%`,
      );
    const where = conditions.join(' AND ');
    const { rows: counted } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stories WHERE ${where}`,
      params,
    );
    const pageParams = [...params];
    let pageWhere = where;
    if (after) {
      pageParams.push(after.createdAt, after.id);
      pageWhere += ` AND (created_at, id) > ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
    }
    pageParams.push(first + 1);
    const { rows } = await this.sql.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE ${pageWhere} ORDER BY created_at, id LIMIT $${pageParams.length}`,
      pageParams,
    );
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ node: storyFromRow(row), cursor: encodeCursor(row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
      },
      totalCount: counted[0].n,
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
    const { rows } = await this.sql.query<{ title: string }>(
      `SELECT title FROM stories WHERE project_id = $1 AND NOT deleted AND id <> $2`,
      [row.project_id, id],
    );
    const review = reviewStory(
      storyFromRow(row),
      rows.map((r) => r.title),
    );
    return {
      storyId: id,
      score: review.score,
      findings: review.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    };
  }

  async exportMarkdown(context: RequestContext, projectId: string): Promise<string> {
    const project = await this.visibleProject(context, projectId);
    const { rows } = await this.sql.query<StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE project_id = $1 AND NOT deleted ORDER BY created_at, id`,
      [projectId],
    );
    return exportStoriesMarkdown(
      project.name,
      rows.map((row) => ({
        title: row.title,
        description: row.description,
        acceptanceCriteria: row.acceptance_criteria.map((c) => c.description),
      })),
    );
  }

  async visibleProject(context: RequestContext, id: string): Promise<ProjectRow> {
    const row = await findProjectRow(this.sql, id);
    if (!row || !canRead(context.identity, row.id)) throw new NotFoundError('project', id);
    return row;
  }

  private async visibleStory(
    context: RequestContext,
    id: string,
    includeDeleted: boolean,
  ): Promise<StoryRow> {
    const row = await findStoryRow(this.sql, id);
    if (!row || (row.deleted && !includeDeleted) || !canRead(context.identity, row.project_id))
      throw new NotFoundError('story', id);
    authorize(context.identity, row.project_id, 'read', { what: 'story', id });
    return row;
  }

  private async events(id: string, toVersion: number): Promise<StoryEvent[]> {
    const stored = await this.store.readStream<StoryEvent>(storyStreamId(id), { toVersion });
    return stored.map((e) => asDecided<StoryEvent>(e));
  }
}

function encodeCursor(row: StoryRow): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
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
