import type { EntityManager } from 'typeorm';
import type { ArtifactCommitted, RecordedState, RecordFact } from '@app/domain';
import type { BusEvent, PostgresEventStore, SqlExecutor } from '@app/platform';
import { exportStoriesMarkdown, gitCommitStreamId, recordOnceDecider } from '@app/domain';
import { CommandHandler, quoteIdent } from '@app/platform';
import type { GitRepositories } from '../workspace/git-repository';
import type { ArtifactCommit } from './record-commits';
import { storiesCommit, USER_STORIES_PATH } from './record-commits';
import { NO_PENDING_STORIES, RecordProject } from './record-project.entity';
import { RecordStory } from './record-story.entity';

/** What a commit takes from the event that caused it. */
export type Cause = Pick<BusEvent, 'eventId' | 'recordedAt' | 'metadata' | 'streamId'>;

/**
 * The author of a commit: who caused the event. An actor `dana (<token id>)` is authored as `dana`
 * with the token's id in the address, so two tokens of the same name stay apart.
 */
export function authorOf(actor: string): { name: string; email: string } {
  const named = /^(.*\S)\s+\(([^()]+)\)$/.exec(actor);
  const name = named?.[1] ?? actor;
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'someone';
  return { name, email: `${slug(name)}${named ? `.${slug(named[2])}` : ''}@codemyspec.invalid` };
}

export function actorOf(event: Cause): string {
  return event.metadata.actor ?? 'system';
}

/**
 * Commits for the git record: each names its event (`Event:` trailer, so a redelivered event finds
 * its commit), carries the event's time and is authored by the event's actor. Each commit made is
 * recorded as an `ArtifactCommitted` fact (stream `git-commit-<sha>`) in the consumer's transaction.
 */
export class RecordWriter {
  private readonly blobs: string;
  private readonly facts?: CommandHandler<RecordFact<ArtifactCommitted>, RecordedState, ArtifactCommitted>;

  /** `store`: where the facts go; none when the record is rebuilt beside the live one (no facts twice). */
  constructor(
    private readonly repos: GitRepositories,
    store: PostgresEventStore | undefined,
    schema: string,
  ) {
    this.blobs = `${quoteIdent(schema)}.blobs`;
    if (store) this.facts = new CommandHandler(store, recordOnceDecider<ArtifactCommitted>('git commit'));
  }

  async commit(
    event: Cause,
    sql: SqlExecutor,
    projectId: string,
    artifact: ArtifactCommit,
    files: readonly { path: string; content: string | Buffer }[],
    options: { allowEmpty?: boolean } = {},
  ): Promise<void> {
    const result = await this.repos.commit(projectId, {
      ...options,
      files: files.map((f) => ({ path: f.path, content: f.content.toString() })),
      message: artifact.message,
      trailers: [...artifact.trailers, ['Event', event.eventId]],
      once: ['Event', event.eventId],
      author: authorOf(actorOf(event)),
      at: event.recordedAt,
    });
    if (!result.ownCommit || !this.facts) return; // nothing changed (no commit records this event), or a rebuild
    const fact: ArtifactCommitted = {
      type: 'ArtifactCommitted',
      data: {
        projectId,
        commit: result.commit,
        subject: artifact.message.split('\n')[0],
        paths: files.map((f) => f.path),
        ...artifact.fact,
        at: event.recordedAt,
      },
    };
    await this.facts.handle(
      gitCommitStreamId(result.commit),
      { type: 'RecordFact', event: fact },
      {
        sql,
        metadata: {
          projectId,
          actor: actorOf(event),
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
        },
      },
    );
  }

  /**
   * A story change, to be committed with the others that follow it closely (`flushStories`): the
   * project row counts it, keeps the first summary, every reference and the last event. False when
   * the record does not follow the project (it never saw it created).
   */
  async storiesChanged(
    event: Cause,
    manager: EntityManager,
    projectId: string,
    summary: string,
    refs: readonly string[] = [],
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE record_projects SET
         pending_changes = pending_changes + 1,
         pending_summary = CASE WHEN pending_changes = 0 THEN $2 ELSE pending_summary END,
         pending_since = CASE WHEN pending_changes = 0 THEN clock_timestamp() ELSE pending_since END,
         pending_noted = clock_timestamp(),
         pending_refs = ARRAY(SELECT DISTINCT unnest(pending_refs || $3::text[]) ORDER BY 1),
         pending_event_id = $4, pending_actor = $5, pending_at = $6
       WHERE project_id = $1 RETURNING project_id`,
      [projectId, summary, [...refs], event.eventId, actorOf(event), event.recordedAt],
    );
    return rows.length > 0;
  }

  /**
   * Commits `docs/user_stories.md` as the export writes it now, for every project with story
   * changes not committed yet that went quiet for `quietMs` or waited `maxMs` (one project's row locked at a time, so instances never commit the
   * same changes twice). The commit names the first change and how many there were, is authored by
   * the last one's actor at its time, and carries its `Event`.
   */
  async flushStories(
    sql: SqlExecutor,
    wait: { quietMs: number; maxMs: number } = { quietMs: 0, maxMs: 0 },
  ): Promise<number> {
    const rows: { project_id: string }[] = await sql.manager.query(
      `SELECT project_id FROM record_projects
        WHERE pending_changes > 0
          AND (pending_noted <= clock_timestamp() - make_interval(secs => $1 / 1000.0)
               OR pending_since <= clock_timestamp() - make_interval(secs => $2 / 1000.0))
        ORDER BY project_id FOR UPDATE SKIP LOCKED`,
      [wait.quietMs, wait.maxMs],
    );
    for (const { project_id: id } of rows) {
      const project = await sql.manager.findOneByOrFail(RecordProject, { projectId: id });
      const stories = await sql.manager.find(RecordStory, {
        where: { projectId: id },
        order: { createdAt: 'ASC', storyId: 'ASC' },
      });
      const markdown = exportStoriesMarkdown(
        project.name,
        stories.map((s) => ({ title: s.title, description: s.description, acceptanceCriteria: s.criteria })),
      );
      const changes = project.pendingChanges;
      const summary = project.pendingSummary ?? 'Stories changed';
      const actor = project.pendingActor ?? 'system';
      const cause: Cause = {
        eventId: project.pendingEventId!,
        recordedAt: (project.pendingAt ?? new Date()).toISOString(),
        metadata: { projectId: id, actor },
        streamId: `project-${id}`,
      };
      const message =
        changes > 1 ? `${summary}, and ${changes - 1} more story change${changes > 2 ? 's' : ''}` : summary;
      await this.commit(cause, sql, id, storiesCommit(message, project.pendingRefs, actor), [
        { path: USER_STORIES_PATH, content: markdown },
      ]);
      await sql.manager.update(RecordProject, { projectId: id }, { ...NO_PENDING_STORIES, pendingRefs: [] });
    }
    return rows.length;
  }

  /** Whether the record follows the project: it saw it created (a repository is made then). */
  async follows(manager: EntityManager, projectId: string | undefined): Promise<boolean> {
    return projectId !== undefined && (await manager.existsBy(RecordProject, { projectId }));
  }

  /**
   * The stored content of a run's files, or null when this service does not hold every one (a run
   * recorded by another deployment sharing the broker: not this record's to commit).
   */
  async blobContents(
    manager: EntityManager,
    files: readonly { path: string; sha256: string }[],
  ): Promise<{ path: string; content: Buffer }[] | null> {
    const rows: { sha256: string; content: Buffer }[] = await manager.query(
      `SELECT sha256, content FROM ${this.blobs} WHERE sha256 = ANY($1::text[])`,
      [files.map((f) => f.sha256)],
    );
    const content = new Map(rows.map((r) => [r.sha256, r.content]));
    if (files.some((f) => !content.has(f.sha256))) return null;
    return files.map((f) => ({ path: f.path, content: content.get(f.sha256)! }));
  }
}
