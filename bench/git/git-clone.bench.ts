import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchSystem } from '../bench-services';
import { freePort, startBenchSystem } from '../bench-services';
import { openBenchPostgres } from '../bus/bench-database';

/**
 * `npm run bench:git`: `git clone` of one project's git record through the gateway (token, signed
 * identity, the sessions service running `git upload-pack --stateless-rpc`) against `git
 * http-backend` serving the same bare repository, in one run, alternating rounds. The repository
 * holds 200 components with 3 design versions each, 200 test files and 200 code files, one commit
 * per artifact (1,000 commits), as the record makes them.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RATIO = 1.5;
const run = promisify(execFile);
const GIT_ENV = {
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function lorem(seed: number, lines: number): string {
  return Array.from(
    { length: lines },
    (_, i) => `Line ${i} of artifact ${seed}: ${(seed * 7919 + i * 104729) % 1_000_003}.`,
  ).join('\n');
}

/** The repository, written by `git fast-import` in one go (how it is built is not what is measured). */
async function buildRepository(dir: string): Promise<number> {
  await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir], { env: GIT_ENV });
  const commands: string[] = [];
  let mark = 0;
  let time = 1_796_000_000;
  const commit = (message: string, path: string, content: string) => {
    mark += 1;
    time += 60;
    const data = Buffer.byteLength(content);
    const msg = Buffer.byteLength(message);
    commands.push(
      `commit refs/heads/main\nmark :${mark}\nauthor dana <dana@codemyspec.invalid> ${time} +0000\ncommitter CodeMySpec <record@codemyspec.invalid> ${time} +0000\ndata ${msg}\n${message}\n${mark > 1 ? `from :${mark - 1}\n` : ''}M 100644 inline ${path}\ndata ${data}\n${content}\n`,
    );
  };
  for (let c = 0; c < COMPONENTS; c += 1) {
    const context = `context-${c % 20}`;
    for (let v = 1; v <= 3; v += 1)
      commit(
        `Design of C${c}: version ${v} accepted\n\nComponent: C${c}\nDesign-Version: ${v}`,
        `docs/design/${context}/c${c}.md`,
        `# C${c}\n\n${lorem(c * 10 + v, 60)}\n`,
      );
    commit(
      `Tests of C${c}: red\n\nSandbox-Run: ${randomUUID()}`,
      `test/c${c}.test.ts`,
      `${lorem(c * 31, 40)}\n`,
    );
    commit(`Code of C${c}: green\n\nSandbox-Run: ${randomUUID()}`, `src/c${c}.ts`, `${lorem(c * 37, 80)}\n`);
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', [`--git-dir=${dir}`, 'fast-import', '--quiet'], {
      env: GIT_ENV,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`))));
    child.stdin.end(commands.join(''));
  });
  await run('git', [`--git-dir=${dir}`, 'gc', '--quiet'], { env: GIT_ENV });
  return mark;
}

/** `git http-backend` behind a minimal CGI bridge: the peer every git host is measured against. */
function httpBackend(projectRoot: string): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    const child = spawn('git', ['http-backend'], {
      env: {
        ...GIT_ENV,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
        ...(req.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) }
          : {}),
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    child.stdout.on('end', () => res.end());
  });
}

async function timedClone(url: string, into: string, headers: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  await run('git', [...headers, 'clone', '--quiet', url, into], { env: GIT_ENV, maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await rm(into, { recursive: true, force: true });
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2;
}

async function main(): Promise<void> {
  const database = await openBenchPostgres();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-git-'));
  let system: BenchSystem | undefined;
  let backend: Server | undefined;
  try {
    const projectId = randomUUID();
    const repos = join(dataDir, 'repos');
    await mkdir(repos, { recursive: true });
    const commits = await buildRepository(join(repos, `${projectId}.git`));
    system = await startBenchSystem({
      databaseUrl: database.url,
      dataDir,
      secret: SECRET,
      adminToken: ADMIN,
    });
    const gateway = system.gateway;
    const port = await freePort();
    backend = httpBackend(repos);
    await new Promise<void>((resolve) => backend!.listen(port, '127.0.0.1', resolve));

    const targets = {
      'git http-backend': { url: `http://127.0.0.1:${port}/${projectId}.git`, headers: [] as string[] },
      gateway: {
        url: `${gateway.url}/git/${projectId}.git`,
        headers: ['-c', `http.extraHeader=Authorization: Bearer ${ADMIN}`],
      },
    };
    process.stderr.write(`[bench:git] ${commits} commits; a warm-up clone each, then ${ROUNDS} rounds\n`);
    const work = join(dataDir, 'clones');
    for (const target of Object.values(targets))
      await timedClone(target.url, join(work, 'warm'), target.headers);
    const times: Record<string, number[]> = { 'git http-backend': [], gateway: [] };
    process.stdout.write('| round | git http-backend | gateway | ratio |\n|---|---|---|---|\n');
    for (let i = 0; i < ROUNDS; i += 1) {
      const peer = await timedClone(targets['git http-backend'].url, join(work, `peer-${i}`), []);
      const ours = await timedClone(targets.gateway.url, join(work, `ours-${i}`), targets.gateway.headers);
      times['git http-backend'].push(peer);
      times.gateway.push(ours);
      process.stdout.write(
        `| ${i + 1} | ${peer.toFixed(0)} ms | ${ours.toFixed(0)} ms | ${(ours / peer).toFixed(2)}× |\n`,
      );
    }
    const ratio = median(times.gateway) / median(times['git http-backend']);
    process.stdout.write(
      `median clone: git http-backend ${median(times['git http-backend']).toFixed(0)} ms, gateway ${median(times.gateway).toFixed(0)} ms: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})\n`,
    );
  } finally {
    backend?.close();
    await system?.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:git failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
