import type { DataSource } from 'typeorm';
import type { GlobalCheckpoint } from '@app/domain/events/event-envelope';
import { quoteIdent } from '@app/platform/persistence/sql-executor';
import { epochMs, sleep } from './bench-clock';

const POLL_MS = 10;

/** The last event of a store in its gap-safe global order: where a subscription that read it all stands. */
export async function endOfStore(dataSource: DataSource, schema: string): Promise<GlobalCheckpoint> {
  // Ordered by the columns, not by their text (an output named like a column would sort as text).
  const rows = await dataSource.query<{ tx: string; gp: string }[]>(
    `SELECT e.transaction_id::text AS tx, e.global_position::text AS gp FROM ${quoteIdent(schema)}.events e
      ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  if (rows.length === 0) throw new Error(`${schema}.events is empty`);
  return { transactionId: rows[0].tx, globalPosition: rows[0].gp };
}

/** Polls (every 10 ms) until the subscription's committed checkpoint is `end`; resolves with that time. */
export async function waitForCheckpoint(
  dataSource: DataSource,
  schema: string,
  subscription: string,
  end: GlobalCheckpoint,
  timeoutMs: number,
): Promise<number> {
  const deadline = epochMs() + timeoutMs;
  for (;;) {
    const rows = await dataSource.query<{ transaction_id: string; global_position: string }[]>(
      `SELECT transaction_id::text, global_position::text FROM ${quoteIdent(schema)}.subscription_checkpoints
        WHERE subscription = $1`,
      [subscription],
    );
    const now = epochMs();
    if (rows[0]?.transaction_id === end.transactionId && rows[0]?.global_position === end.globalPosition)
      return now;
    if (now > deadline)
      throw new Error(`subscription ${subscription} did not reach the end in ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

export interface ApplyProgress {
  /** The first poll that saw anything applied: when, and how many. */
  readonly firstMs: number;
  readonly firstApplied: number;
  /** The first poll that saw all `total` applied. */
  readonly doneMs: number;
}

/**
 * Polls (every 10 ms) how many events a bus consumer has applied to its read model (committed):
 * per stream its applied version is the number of that stream's events applied, so their sum is
 * the total. Resolves once it reaches `total`.
 */
export async function waitForApplied(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  total: number,
  timeoutMs: number,
): Promise<ApplyProgress> {
  const deadline = epochMs() + timeoutMs;
  let first: { ms: number; applied: number } | undefined;
  for (;;) {
    const rows = await dataSource.query<{ applied: string | null }[]>(
      `SELECT sum(version)::text AS applied FROM ${quoteIdent(schema)}.bus_applied_versions WHERE consumer = $1`,
      [consumer],
    );
    const now = epochMs();
    const applied = Number(rows[0]?.applied ?? 0);
    if (applied > 0 && first === undefined) first = { ms: now, applied };
    if (first !== undefined && applied >= total)
      return { firstMs: first.ms, firstApplied: first.applied, doneMs: now };
    if (now > deadline)
      throw new Error(`consumer ${consumer} applied ${applied} of ${total} events in ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}
