import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { ReplaySource } from '@app/platform';
import { PostgresEventStore, replayProjection } from '@app/platform';
import { gitRecordProjection } from '../apps/sessions/src/git-record/git-record.projection';
import { runGit } from '../apps/sessions/src/workspace/git-command';
import { GitRepositories } from '../apps/sessions/src/workspace/git-repository';
import { RecordWriter } from '../apps/sessions/src/git-record/record-writer';

export interface RepositoryComparison {
  readonly projectId: string;
  readonly liveTree: string | null;
  readonly rebuiltTree: string | null;
  readonly liveCommits: number;
  readonly rebuiltCommits: number;
  readonly equal: boolean;
}

async function projectsIn(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  return (await readdir(root)).filter((name) => name.endsWith('.git')).map((name) => name.slice(0, -4));
}

async function headOf(
  repos: GitRepositories,
  projectId: string,
): Promise<{ tree: string | null; commits: number }> {
  const head = await repos.head(projectId);
  if (!head) return { tree: null, commits: 0 };
  const dir = repos.repositoryOf(projectId);
  return {
    tree: await runGit(dir, ['rev-parse', `${head}^{tree}`]),
    commits: Number(await runGit(dir, ['rev-list', '--count', head])),
  };
}

/**
 * Rebuilds every project's git record from the events alone into a temporary folder, and compares
 * each repository with the live one (`<data dir>/repos`): the same final tree (commit ids and
 * counts may differ: events of different services applied in another order, story changes grouped
 * otherwise). The record's tables are compared as any read model's are.
 */
export async function checkGitRecord(options: {
  readonly dataSource: DataSource;
  readonly source: ReplaySource;
  readonly liveRoot: string;
  readonly onProgress?: (events: number) => void;
}) {
  const root = await mkdtemp(join(tmpdir(), 'codemyspec-git-record-'));
  try {
    const rebuilt = new GitRepositories(root);
    const projection = gitRecordProjection(
      {
        config: { schema: 'sessions', service: 'sessions' },
        dataSource: options.dataSource,
        store: new PostgresEventStore(options.dataSource, 'sessions'),
      },
      rebuilt,
      { recordFacts: false },
    );
    // Story changes wait to be committed together; once every event is in, they are committed.
    const writer = new RecordWriter(rebuilt, undefined, 'sessions');
    const tables = await replayProjection({
      projection,
      dataSource: options.dataSource,
      source: options.source,
      onProgress: options.onProgress,
      afterEvents: async (sql) => {
        await writer.flushStories(sql);
      },
    });
    const live = new GitRepositories(options.liveRoot);
    const projects = [
      ...new Set([...(await projectsIn(options.liveRoot)), ...(await projectsIn(root))]),
    ].sort();
    const repositories: RepositoryComparison[] = [];
    for (const projectId of projects) {
      const [a, b] = [await headOf(live, projectId), await headOf(rebuilt, projectId)];
      repositories.push({
        projectId,
        liveTree: a.tree,
        rebuiltTree: b.tree,
        liveCommits: a.commits,
        rebuiltCommits: b.commits,
        // Story changes close together share a commit, so the counts may differ; the trees may not.
        equal: a.tree === b.tree,
      });
    }
    return { ...tables, repositories, equal: tables.equal && repositories.every((r) => r.equal) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
