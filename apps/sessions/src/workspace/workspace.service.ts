import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { NotFoundError, ValidationError } from '@app/domain';
import {
  CommandHandler,
  dataSourceExecutor,
  PostgresEventStore,
  quoteIdent,
  withUnitOfWork,
} from '@app/platform';
import type { WorkspaceFile } from '../sandbox/sandbox.port';
import { createTar } from '../sandbox/tar-archive';
import { checkWorkspacePath } from '../sandbox/workspace-paths';
import { BlobStore, sha256Of } from './blob-store';
import type { WriteWorkspaceFiles } from './workspace.decider';
import { workspaceDecider } from './workspace.decider';
import type { WorkspaceEvent, WorkspaceWriter } from './workspace.events';
import { workspaceStreamId } from './workspace.events';
import type { WorkspaceState } from './workspace.state';

export interface WrittenVersion {
  readonly version: number;
  /** Paths whose content changed in this version (a write of identical files makes no version). */
  readonly changed: readonly string[];
}

/**
 * Each project's workspace: files stored once as content-addressed blobs, and a `workspace-<id>`
 * stream whose every event is a version (the paths it wrote → their blobs). Every version names
 * its writer: a manual run or a session step.
 */
@Injectable()
export class WorkspaceService {
  private readonly blobs = new BlobStore();

  private readonly handler: CommandHandler<WriteWorkspaceFiles, WorkspaceState, WorkspaceEvent>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {
    this.handler = new CommandHandler(store, workspaceDecider);
  }

  /** A version (the newest by default): one indexed query, not a fold of every version. */
  async load(projectId: string, sql?: SqlExecutor, atVersion?: number): Promise<WorkspaceState> {
    const { rows } = await (sql ?? dataSourceExecutor(this.dataSource)).query<{
      path: string;
      sha256: string;
      size: number;
      version: number;
    }>(
      `SELECT DISTINCT ON (path) path, sha256, size, version FROM ${this.fileVersions}
        WHERE project_id = $1 AND ($2::integer IS NULL OR version <= $2)
        ORDER BY path, version DESC`,
      [projectId, atVersion ?? null],
    );
    return {
      version: rows.reduce((max, row) => Math.max(max, Number(row.version)), 0),
      files: new Map(
        rows.map((r) => [r.path, { sha256: r.sha256, size: Number(r.size), version: Number(r.version) }]),
      ),
    };
  }

  private get fileVersions(): string {
    return `${quoteIdent(this.store.schema)}.workspace_file_versions`;
  }

  /** Stores the files and, if any changed, appends a version — inside the caller's transaction when given. */
  async write(
    projectId: string,
    files: readonly WorkspaceFile[],
    writer: WorkspaceWriter,
    metadata: EventMetadata,
    sql?: SqlExecutor,
  ): Promise<WrittenVersion> {
    for (const file of files) {
      const problem = checkWorkspacePath(file.path);
      if (problem)
        throw new ValidationError(`"${file.path}" cannot be written to the workspace: it ${problem}`, [
          { field: 'path', message: `"${file.path}" ${problem}` },
        ]);
    }
    const hashed = files.map((f) => ({
      ...f,
      sha256: sha256Of(f.content),
      size: Buffer.byteLength(f.content),
    }));
    const work = async (tx: SqlExecutor): Promise<WrittenVersion> => {
      const { events, version } = await this.handler.handle(
        workspaceStreamId(projectId),
        { type: 'WriteWorkspaceFiles', files: hashed, writer, at: new Date().toISOString() },
        { sql: tx, metadata: { ...metadata, projectId } },
      );
      const changed = new Set(events.flatMap((e) => e.data.files.map((f) => f.path)));
      for (const file of hashed) if (changed.has(file.path)) await this.blobs.put(tx, file.content);
      for (const file of events.flatMap((e) => e.data.files))
        await tx.query(
          `INSERT INTO ${this.fileVersions} (project_id, path, version, sha256, size) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING`,
          [projectId, file.path, version, file.sha256, file.size],
        );
      return { version, changed: [...changed] };
    };
    return sql ? work(sql) : withUnitOfWork(this.dataSource, work, { retryOnConflict: true });
  }

  /** The files (with contents) of a version, all of them or the given paths. */
  async files(
    projectId: string,
    options: { version?: number; paths?: readonly string[] } = {},
  ): Promise<WorkspaceFile[]> {
    const state = await this.load(projectId, undefined, options.version);
    if (options.version !== undefined && state.version < options.version)
      throw new NotFoundError('workspace version', `${projectId}@${options.version}`);
    const wanted = [...state.files.entries()]
      .filter(([path]) => !options.paths || options.paths.includes(path))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const contents = await this.blobs.getMany(
      dataSourceExecutor(this.dataSource),
      wanted.map(([, entry]) => entry.sha256),
    );
    return wanted.map(([path, entry]) => ({
      path,
      content: (contents.get(entry.sha256) ?? Buffer.alloc(0)).toString('utf8'),
    }));
  }

  /** A tar of one version (reproducible: fixed times and owners, sorted paths). */
  async tar(projectId: string, version?: number): Promise<Buffer> {
    const files = await this.files(projectId, { version });
    return createTar(
      files.map((f) => ({ path: f.path, type: 'file' as const, content: Buffer.from(f.content) })),
    );
  }

  async putBlob(content: Buffer | string, sql?: SqlExecutor): Promise<string> {
    return this.blobs.put(sql ?? dataSourceExecutor(this.dataSource), content);
  }

  async getBlob(sha256: string): Promise<Buffer | null> {
    return this.blobs.get(dataSourceExecutor(this.dataSource), sha256);
  }
}
