import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunningPostgres } from '@app/domain';
import { DEFAULT_PORTS, envReader, SERVICE_NAMES, startEmbeddedPostgres } from '@app/domain';
import type { ServiceName } from '@app/domain';

/**
 * `npm start`: the whole system on one machine.
 * 1. PostgreSQL: `DATABASE_URL` when set, else embedded PostgreSQL with its data under CODEMYSPEC_DATA_DIR.
 * 2. The four services as child processes (each stays deployable on its own); each runs its migrations.
 * 3. Ctrl-C stops the services, then PostgreSQL.
 */
const SUBGRAPHS: readonly ServiceName[] = SERVICE_NAMES.filter((name) => name !== 'gateway');
const ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const read = envReader();
  const dataDir = resolve(read.string('CODEMYSPEC_DATA_DIR', './.data'));
  const gatewayPort = read.port('PORT', DEFAULT_PORTS.gateway);
  // 0755: the embedded server runs as another user when we are root; secrets inside are 0600 files.
  await mkdir(dataDir, { recursive: true, mode: 0o755 });

  let postgres: RunningPostgres | undefined;
  let databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (!databaseUrl) {
    const port = read.port('CODEMYSPEC_PG_PORT', 54329);
    log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir}/postgres)`);
    postgres = await startEmbeddedPostgres({ dataDir: resolve(dataDir, 'postgres'), port });
    databaseUrl = postgres.url;
  }
  const internalSecret =
    read.optionalString('CODEMYSPEC_INTERNAL_SECRET') ??
    (await persistentSecret(resolve(dataDir, 'internal.secret')));
  const kafka = read.optionalString('KAFKA_BROKERS');
  log(
    kafka ? `event bus: Kafka at ${kafka}` : 'event bus: embedded (services read each other’s event stores)',
  );

  const children = new Map<ServiceName, ChildProcess>();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services…');
    await Promise.all([...children.values()].map((child) => terminate(child)));
    if (postgres) {
      log('stopping embedded PostgreSQL…');
      await postgres.stop();
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));

  for (const service of [...SUBGRAPHS, 'gateway' as const]) {
    const port =
      service === 'gateway'
        ? gatewayPort
        : read.port(`${service.toUpperCase()}_PORT`, DEFAULT_PORTS[service]);
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps', service, 'src/main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        CODEMYSPEC_DATA_DIR: dataDir,
        CODEMYSPEC_INTERNAL_SECRET: internalSecret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixLines(child, service);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      log(`${service} exited (${signal ?? `code ${code}`}); stopping everything`);
      void stop(1);
    });
    children.set(service, child);
    await waitUntilReady(service, port);
  }
  log(`ready: gateway http://127.0.0.1:${gatewayPort} (health: /health/ready). Ctrl-C stops everything.`);
}

/** The gateway↔subgraph signing secret: generated once, kept in a 0600 file in the data folder. */
async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function waitUntilReady(service: ServiceName, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} did not become ready on port ${port} within 60 s`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function prefixLines(child: ChildProcess, service: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${service}] ${line}\n`);
    });
  }
}

function log(message: string): void {
  process.stdout.write(`[codemyspec] ${message}\n`);
}

main().catch((error: unknown) => {
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
