import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Identity } from '@app/domain';
import type { ServiceName } from '@app/platform';
import { freePort } from './infra/testcontainers-gate';
import { adminIdentity } from './service-harness';
import type { GraphqlResponse } from './subgraph-graphql';
import { postSubgraphGraphql, TEST_SECRET } from './subgraph-graphql';

const ROOT = resolve(__dirname, '../../..');

export interface ServiceProcess {
  readonly service: ServiceName;
  readonly url: string;
  readonly port: number;
  /** The environment it was started with (to start it again the same way). */
  readonly env: Record<string, string>;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity | null,
  ): Promise<GraphqlResponse<Data>>;
  /** What the process printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks run (a crash). */
  kill(): Promise<void>;
}

/**
 * Runs one service as its own process, from its TypeScript sources, the way `npm start` runs it.
 * Tests that involve several services use this: each service keeps its own GraphQL schema.
 */
export async function startServiceProcess(
  service: ServiceName,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  // A fixed PORT lets a test restart a service where the gateway expects it.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let printed = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', resolve(ROOT, 'scripts/ts-register.cjs'), resolve(ROOT, 'apps', service, 'src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CODEMYSPEC_INTERNAL_SECRET: TEST_SECRET,
        LOG_LEVEL: 'warn',
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${service} exited with ${child.exitCode} during start:\n${printed}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${service} did not become ready within 60 s:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    service,
    url,
    port,
    env: { ...env, PORT: String(port) },
    output: () => printed,
    kill: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
    graphql<Data>(
      query: string,
      variables: Record<string, unknown> = {},
      identity: Identity | null = adminIdentity,
    ) {
      return postSubgraphGraphql<Data>(url, query, variables, identity);
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
