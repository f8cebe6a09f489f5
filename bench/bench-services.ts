import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchPostgres } from './bus/bench-database';
import { openBenchPostgres } from './bus/bench-database';

/** The repository root (benches run from dist/bench/<name>/). */
export const ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export async function startService(
  name: string,
  env: Record<string, string>,
  secret: string,
  port?: number,
): Promise<{ child: ChildProcess; url: string }> {
  port ??= await freePort();
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(ROOT, 'dist/apps', name, 'src/main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CODEMYSPEC_INTERNAL_SECRET: secret,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return { child, url };
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not become ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface BenchSystem {
  readonly stories: { child: ChildProcess; url: string };
  readonly architect: { child: ChildProcess; url: string };
  readonly sessions: { child: ChildProcess; url: string };
  readonly gateway: { child: ChildProcess; url: string };
  /** Stops a subgraph (SIGTERM) and starts it again on the same port: a cold process. */
  restart(name: 'stories' | 'architect' | 'sessions'): Promise<void>;
  /** Stops every service (SIGTERM, then a second to finish). */
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it, as separate processes on one database and data folder,
 * with the admin token given and the gateway's rate limit out of the way.
 */
export async function startBenchSystem(options: {
  databaseUrl: string;
  dataDir: string;
  secret: string;
  adminToken: string;
  /** Settings for every service on top of the bench's (a sandbox driver, an LLM endpoint). */
  env?: Record<string, string>;
}): Promise<BenchSystem> {
  const children: ChildProcess[] = [];
  const envs = new Map<string, Record<string, string>>();
  const started = async (name: string, env: Record<string, string>, port?: number) => {
    const service = await startService(name, env, options.secret, port);
    children.push(service.child);
    envs.set(name, env);
    return service;
  };
  const stop = async () => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
  };
  try {
    const common = {
      DATABASE_URL: options.databaseUrl,
      CODEMYSPEC_DATA_DIR: options.dataDir,
      SANDBOX_DRIVER: 'none',
      SANDBOX_WARM_POOL: '0',
      ...options.env,
    };
    const stories = await started('stories', common);
    const architect = await started('architect', common);
    const urls = { STORIES_URL: `${stories.url}/graphql`, ARCHITECT_URL: `${architect.url}/graphql` };
    const sessions = await started('sessions', { ...common, ...urls });
    const gateway = await started('gateway', {
      ...common,
      ...urls,
      SESSIONS_URL: `${sessions.url}/graphql`,
      CODEMYSPEC_ADMIN_TOKEN: options.adminToken,
      RATE_LIMIT_PER_SECOND: '1000000',
      RATE_LIMIT_BURST: '1000000',
    });
    const system = { stories, architect, sessions, gateway, stop };
    const restart = async (name: 'stories' | 'architect' | 'sessions') => {
      const old = system[name];
      const exited = new Promise((r) => old.child.once('exit', r));
      old.child.kill('SIGTERM');
      await exited;
      system[name] = await started(name, envs.get(name)!, Number(new URL(old.url).port));
    };
    return Object.assign(system, { restart });
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A fresh database and data folder, the whole system on them for `body`, and everything removed
 * afterwards (whether `body` succeeds or not).
 */
export async function withBenchSystem<T>(
  options: { dataDirPrefix: string; secret: string; adminToken: string; env?: Record<string, string> },
  body: (system: BenchSystem, database: BenchPostgres, dataDir: string) => Promise<T>,
): Promise<T> {
  const database = await openBenchPostgres();
  const dataDir = await mkdtemp(join(tmpdir(), options.dataDirPrefix));
  let system: BenchSystem | undefined;
  try {
    system = await startBenchSystem({
      databaseUrl: database.url,
      dataDir,
      secret: options.secret,
      adminToken: options.adminToken,
      env: options.env,
    });
    return await body(system, database, dataDir);
  } finally {
    await system?.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
