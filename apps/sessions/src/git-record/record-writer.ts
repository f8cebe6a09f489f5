import type { EntityManager } from 'typeorm';
import type { BusEvent } from '@app/platform';
import { exportStoriesMarkdown } from '@app/domain';
import { quoteIdent } from '@app/platform';
import type { GitRepositories } from '../workspace/git-repository';
import type { ArtifactCommit } from './record-commits';
import { storiesCommit, USER_STORIES_PATH } from './record-commits';
import { RecordProject } from './record-project.entity';
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
 * its commit), carries the event's time and is authored by the event's actor.
 */
export class RecordWriter {
  private readonly blobs: string;

  constructor(
    private readonly repos: GitRepositories,
    schema: string,
  ) {
    this.blobs = `${quoteIdent(schema)}.blobs`;
  }

  async commit(
    event: Cause,
    projectId: string,
    artifact: ArtifactCommit,
    files: readonly { path: string; content: string | Buffer }[],
    options: { allowEmpty?: boolean } = {},
  ): Promise<void> {
    await this.repos.commit(projectId, {
      ...options,
      files: files.map((f) => ({ path: f.path, content: f.content.toString() })),
      message: artifact.message,
      trailers: [...artifact.trailers, ['Event', event.eventId]],
      once: ['Event', event.eventId],
      author: authorOf(actorOf(event)),
      at: event.recordedAt,
    });
  }

  /** `docs/user_stories.md` as the export writes it now, committed with what changed. */
  async commitStories(
    event: Cause,
    manager: EntityManager,
    projectId: string,
    summary: string,
    refs: readonly string[] = [],
  ): Promise<void> {
    const project = await manager.findOneBy(RecordProject, { projectId });
    const stories = await manager.find(RecordStory, {
      where: { projectId },
      order: { createdAt: 'ASC', storyId: 'ASC' },
    });
    const markdown = exportStoriesMarkdown(
      project?.name ?? '',
      stories.map((s) => ({ title: s.title, description: s.description, acceptanceCriteria: s.criteria })),
    );
    await this.commit(event, projectId, storiesCommit(summary, refs, actorOf(event)), [
      { path: USER_STORIES_PATH, content: markdown },
    ]);
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
