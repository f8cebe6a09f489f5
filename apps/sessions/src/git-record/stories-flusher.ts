import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@app/platform';
import { PostgresEventStore, SERVICE_CONFIG, withUnitOfWork } from '@app/platform';
import { GitRepositories } from '../workspace/git-repository';
import { RecordWriter } from './record-writer';

/** How often projects with story changes not committed yet are looked for. */
const FLUSH_EVERY_MS = 250;
/** Story changes are committed once a project's stories have been quiet this long… */
const QUIET_MS = 300;
/** …or once the first of them has waited this long (changes that never pause). */
const MAX_WAIT_MS = 30_000;

/**
 * Commits `docs/user_stories.md` shortly after a project's stories change (see
 * `RecordWriter.flushStories`): changes that come close together become one commit. Pending
 * changes live in the database, so a restart loses none.
 */
@Injectable()
export class StoriesFlusher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('GitRecord');
  private readonly writer: RecordWriter;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    repos: GitRepositories,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.writer = new RecordWriter(repos, store, config.schema);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.flush().finally(() => (this.running = undefined));
    }, FLUSH_EVERY_MS);
  }

  // Before any module's shutdown: the database work in flight finishes while the DataSource is there.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async flush(): Promise<void> {
    try {
      await withUnitOfWork(
        this.dataSource,
        (sql) => this.writer.flushStories(sql, { quietMs: QUIET_MS, maxMs: MAX_WAIT_MS }),
        { retryOnConflict: false },
      );
    } catch (error) {
      this.logger.warn(
        `committing user_stories.md failed (retried): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
