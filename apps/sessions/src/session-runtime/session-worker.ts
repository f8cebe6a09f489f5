import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';
import { SessionDriver } from './session-driver';
import { SessionRepository } from './session.repository';
import { SessionWakeup } from './session-wakeup';

const POLL_MS = 1_000;

/**
 * Drives every RUNNING session, at most SESSION_CONCURRENCY at once. Each one is held with a
 * Postgres advisory lock on its own connection while it is driven, so two instances never drive
 * the same session, and a crashed instance's sessions are free again the moment its connections
 * drop: the next instance (or the restarted one) resumes them from their streams.
 */
@Injectable()
export class SessionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SessionWorker');
  private readonly active = new Map<string, AbortController>();
  /** Sessions waiting for their children are looked at again only after this time. */
  private readonly resting = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SessionRepository,
    private readonly driver: SessionDriver,
    private readonly wakeup: SessionWakeup,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  private stopListening: (() => void) | undefined;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    // A session just started is looked at now, not at the next poll.
    this.stopListening = this.wakeup.listen(() => void this.tick());
    void this.tick();
  }

  // Before any module's shutdown: the database work in flight finishes while the DataSource is there.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopListening?.();
    // In-flight steps stay in flight: the next start resumes them.
    for (const controller of this.active.values()) controller.abort();
    const deadline = Date.now() + 10_000;
    while (this.active.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  /** Aborts the in-flight LLM call of a session driven here (after a cancel). */
  abort(sessionId: string): void {
    this.active.get(sessionId)?.abort();
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      const free = this.config.sessionConcurrency - this.active.size;
      if (free <= 0) return;
      const now = Date.now();
      const ids = (await this.repository.running(this.config.sessionConcurrency * 4)).filter(
        (id) => !this.active.has(id) && (this.resting.get(id) ?? 0) <= now,
      );
      let started = 0;
      for (const id of ids) {
        if (started >= free || this.stopped) break;
        if (await this.claim(id)) started += 1;
      }
    } catch (error) {
      this.logger.warn(
        `polling for sessions failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.ticking = false;
    }
  }

  private async claim(sessionId: string): Promise<boolean> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    const key = `codemyspec.session:${sessionId}`;
    let locked = false;
    try {
      const rows = (await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [
        key,
      ])) as {
        locked: boolean;
      }[];
      locked = rows[0]?.locked === true;
    } finally {
      if (!locked) await runner.release();
    }
    if (!locked) return false;
    const controller = new AbortController();
    this.active.set(sessionId, controller);
    void this.driver
      .drive(sessionId, controller.signal, this.config.llm.apiKey)
      .then((result) => {
        if (result === 'waiting') this.resting.set(sessionId, Date.now() + POLL_MS);
        else this.resting.delete(sessionId);
      })
      .catch((error: unknown) =>
        this.logger.error(
          `driving session ${sessionId} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(async () => {
        await runner
          .query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [key])
          .catch(() => undefined);
        await runner.release();
        this.active.delete(sessionId);
        if (!this.stopped) setImmediate(() => void this.tick());
      });
    return true;
  }
}
