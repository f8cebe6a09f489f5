import { writeSync } from 'node:fs';
import { DataSource } from 'typeorm';

/**
 * Helpers for the child-process fixtures of the bus fault tests (`*.process.ts`). A fixture is
 * configured by environment variables and talks to the test through JSON lines on stdout.
 */

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for this fixture`);
  return value;
}

export function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${raw}`);
  return value;
}

/** One JSON line on stdout, written synchronously so it is out before a SIGKILL that follows. */
export function emit(message: Record<string, unknown>): void {
  writeSync(1, `${JSON.stringify(message)}\n`);
}

export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, synchronize: false, extra: { max: 5 } });
  await dataSource.initialize();
  return dataSource;
}

/** Runs `main`; SIGTERM or SIGINT runs the returned shutdown and exits 0. Any failure exits 1. */
export function runFixture(main: () => Promise<() => Promise<void>>): void {
  let shutdown: (() => Promise<void>) | undefined;
  let stopping = false;
  const terminate = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      try {
        await shutdown?.();
        emit({ stopped: true });
        process.exit(0);
      } catch (error) {
        process.stderr.write(
          `fixture shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', terminate);
  process.on('SIGINT', terminate);
  main()
    .then((stop) => {
      shutdown = stop;
      emit({ ready: true, pid: process.pid });
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `fixture failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
}
