import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunningPostgres } from '@app/platform';
import { DEFAULT_PORTS, envReader, SERVICE_NAMES, startEmbeddedPostgres } from '@app/platform';
import type { ServiceName } from '@app/platform';
import { ServiceSupervisor } from './supervisor/service-supervisor';
import { DEFAULT_RESTART_POLICY } from './supervisor/restart-policy';
import { logFormatFor, serviceLineFormatter } from './supervisor/log-format';

/**
 * `npm start`: the whole system on one machine.
 * 1. PostgreSQL: `DATABASE_URL` when set, else embedded PostgreSQL with its data under CODEMYSPEC_DATA_DIR.
 * 2. The four services as child processes (each stays deployable on its own); each runs its migrations.
 *    A service that crashes is restarted with back-off; one that keeps crashing stops everything.
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

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping services…');
    await supervisor.stopAll();
    if (postgres) {
      log('stopping embedded PostgreSQL…');
      await postgres.stop();
    }
    process.exit(code);
  };
  const format = logFormatFor(process.env, process.stdout.isTTY === true);
  const supervisor = new ServiceSupervisor(
    log,
    () => void stop(1),
    DEFAULT_RESTART_POLICY,
    serviceLineFormatter(format, format === 'pretty' && process.stdout.isTTY === true),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));

  for (const service of [...SUBGRAPHS, 'gateway' as const]) {
    const port =
      service === 'gateway'
        ? gatewayPort
        : read.port(`${service.toUpperCase()}_PORT`, DEFAULT_PORTS[service]);
    const started = supervisor.start({
      name: service,
      port,
      script: resolve(ROOT, 'dist/apps', service, 'src/main.js'),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        CODEMYSPEC_DATA_DIR: dataDir,
        CODEMYSPEC_INTERNAL_SECRET: internalSecret,
      },
    });
    // A service that cannot start at all stops what did start (and PostgreSQL) too.
    await started.catch(async (error: unknown) => {
      log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
      await stop(1);
    });
    if (stopping) return;
  }
  const base = `http://127.0.0.1:${gatewayPort}`;
  log(`ready: gateway ${base} (health: /health/ready). Ctrl-C stops everything.`);
  log(`  GraphQL: ${base}/graphql   MCP: ${base}/mcp   git: ${base}/git/<projectId>.git`);
  log(`  admin token: ${resolve(dataDir, 'admin.token')} (unless CODEMYSPEC_ADMIN_TOKEN is set)`);
}

/** The gateway↔subgraph signing secret: generated once, kept in a 0600 file in the data folder. */
async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function log(message: string): void {
  process.stdout.write(`[codemyspec] ${message}\n`);
}

main().catch((error: unknown) => {
  log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
