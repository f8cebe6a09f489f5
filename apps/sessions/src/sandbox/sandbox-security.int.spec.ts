import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { missingService } from '@app/testing/infra/require-infra';
import { BubblewrapSandbox, bubblewrapAvailable } from './bubblewrap/bubblewrap-sandbox';
import { DockerSandbox } from './docker/docker-sandbox';
import { EXPIRES_LABEL, RUN_ID_LABEL, SANDBOX_LABEL } from './sandbox-labels';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-limits';
import type { Sandbox, SandboxLimits, SandboxRequest, WorkspaceFile } from './sandbox.port';
import { testArgv } from './test-command';

/**
 * The sandbox contract against the real Docker engine and real bubblewrap: the same requests,
 * the same outcomes, the same isolation. Nothing here is mocked.
 */
const IMAGE = process.env.SANDBOX_IMAGE ?? 'codemyspec/sandbox-node:24';
const MiB = 1024 * 1024;

async function dockerReady(docker: Docker): Promise<string | null> {
  try {
    await docker.ping();
  } catch (error) {
    return `no Docker engine answers (${(error as Error).message}); run npm run infra:up`;
  }
  try {
    await docker.getImage(IMAGE).inspect();
  } catch {
    return `the sandbox image ${IMAGE} is missing; run scripts/infra/build-sandbox-image.sh`;
  }
  return null;
}

const workRoot = join(tmpdir(), `codemyspec-sandbox-test-${process.pid}`);
const docker = new Docker();

interface DriverCase {
  readonly name: 'docker' | 'bubblewrap';
  create(): Promise<Sandbox | string>;
  leftovers(): Promise<number>;
}

const drivers: DriverCase[] = [
  {
    name: 'docker',
    async create() {
      const problem = await dockerReady(docker);
      return problem ?? new DockerSandbox({ docker });
    },
    async leftovers() {
      const containers = await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } });
      const { Volumes } = await docker.listVolumes({ filters: { label: [SANDBOX_LABEL] } });
      return (
        containers.filter((c) => c.Labels[SANDBOX_LABEL] === 'run').length +
        (Volumes ?? []).filter((v) => v.Labels?.[SANDBOX_LABEL] === 'run').length
      );
    },
  },
  {
    name: 'bubblewrap',
    async create() {
      if (!bubblewrapAvailable())
        return 'bwrap is missing or cannot create namespaces here (apt-get install bubblewrap)';
      await mkdir(workRoot, { recursive: true });
      return new BubblewrapSandbox({ workRoot });
    },
    async leftovers() {
      const runs = (await readdir(workRoot).catch(() => [] as string[])).filter((e) => e.startsWith('run-'));
      const groups = [
        '/sys/fs/cgroup/memory/codemyspec-sandbox',
        '/sys/fs/cgroup/pids/codemyspec-sandbox',
        '/sys/fs/cgroup/codemyspec-sandbox',
      ].filter((dir) => existsSync(dir));
      let cgroups = 0;
      for (const dir of groups)
        cgroups += (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
      return runs.length + cgroups;
    },
  },
];

const quick: SandboxLimits = {
  ...DEFAULT_SANDBOX_LIMITS,
  timeoutMs: 20_000,
  memoryBytes: 256 * MiB,
  pids: 64,
};

function request(files: WorkspaceFile[], overrides: Partial<SandboxRequest> = {}): SandboxRequest {
  return {
    runId: randomUUID(),
    files,
    argv: testArgv().argv,
    limits: quick,
    image: IMAGE,
    ...overrides,
  };
}

const testFile = (body: string): WorkspaceFile => ({
  path: 'probe.test.ts',
  content: `import test from 'node:test';\nimport assert from 'node:assert/strict';\n${body}\n`,
});

describe.each(drivers)('$name sandbox', (driver) => {
  let sandbox: Sandbox | undefined;

  beforeAll(async () => {
    const created = await driver.create();
    if (typeof created === 'string') missingService(`${driver.name} sandbox`, created);
    else sandbox = created;
  }, 60_000);

  afterAll(async () => {
    await sandbox?.close();
  });

  const it_ = (name: string, body: (s: Sandbox) => Promise<void>, timeout = 60_000) =>
    it(
      name,
      async () => {
        if (!sandbox) return; // reported (or failed under REQUIRE_INFRA) in beforeAll
        await body(sandbox);
      },
      timeout,
    );

  it_('runs node --test on TypeScript and reports each test from the TAP report', async (s) => {
    const result = await s.run(
      request([
        { path: 'src/sum.ts', content: 'export const sum = (a: number, b: number): number => a + b;\n' },
        {
          path: 'test/sum.test.ts',
          content: [
            "import test from 'node:test';",
            "import assert from 'node:assert/strict';",
            "import { sum } from '../src/sum.ts';",
            "test('adds two numbers', () => assert.equal(sum(1, 2), 3));",
            "test('is wrong on purpose', () => assert.equal(sum(1, 2), 4));",
          ].join('\n'),
        },
      ]),
    );
    expect(result).toMatchObject({ outcome: 'FAILED', exitCode: 1, killedBy: null, oomKilled: false });
    expect(result.tests.map((t) => [t.name, t.status, t.failureKind])).toEqual([
      ['adds two numbers', 'PASSED', null],
      ['is wrong on purpose', 'FAILED', 'assertion'],
    ]);
    expect(result.tests[1].message).toContain('expected: 4, actual: 3');
    expect(result.output).toContain('adds two numbers'); // the spec reporter on stdout
  });

  it_('reports zero executed tests as NO_TESTS, never PASSED', async (s) => {
    const result = await s.run(request([{ path: 'README.md', content: '# nothing to test\n' }]));
    expect(result).toMatchObject({ outcome: 'NO_TESTS', exitCode: 0, tests: [] });
  });

  it_('classifies a missing module and a syntax error from the failing file', async (s) => {
    const result = await s.run(
      request([
        { path: 'a.test.ts', content: "import { nope } from './missing.ts';\nnope();\n" },
        { path: 'b.test.ts', content: "import test from 'node:test';\ntest('x', () => { let a: = 1; });\n" },
      ]),
    );
    expect(result.outcome).toBe('FAILED');
    expect(result.tests.map((t) => [t.name, t.failureKind])).toEqual([
      ['a.test.ts', 'missing_module'],
      ['b.test.ts', 'syntax'],
    ]);
  });

  it_('has no network: not even the host loopback is reachable', async (s) => {
    let connections = 0;
    const server: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await s.run(
        request([
          testFile(`
import { connect } from 'node:net';
import { lookup } from 'node:dns/promises';
const attempt = (host: string) => new Promise<string>((resolve) => {
  const socket = connect({ host, port: ${port}, timeout: 2000 });
  socket.on('connect', () => resolve('connected'));
  socket.on('timeout', () => resolve('timeout'));
  socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
});
test('host loopback is unreachable', async () => assert.notEqual(await attempt('127.0.0.1'), 'connected'));
test('the public internet is unreachable', async () => assert.notEqual(await attempt('93.184.215.14'), 'connected'));
test('names do not resolve', async () => { await assert.rejects(lookup('registry.npmjs.org')); });
`),
        ]),
      );
      expect(result.tests.map((t) => [t.name, t.status])).toEqual([
        ['host loopback is unreachable', 'PASSED'],
        ['the public internet is unreachable', 'PASSED'],
        ['names do not resolve', 'PASSED'],
      ]);
      expect(result.outcome).toBe('PASSED');
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it_(
    'cannot write outside the workspace (read-only root), but can write in it and in $TMPDIR',
    async (s) => {
      const result = await s.run(
        request(
          [
            testFile(`
import { writeFileSync } from 'node:fs';
const denied = ['/etc/owned', '/usr/owned', '/owned', '/sandbox/owned', '/opt/owned', '/tmp/owned'];
for (const path of denied) {
  test('refuses ' + path, () => assert.throws(() => writeFileSync(path, 'x'), /EROFS|EACCES|ENOENT|EPERM/));
}
test('writes the workspace', () => writeFileSync('written.txt', 'ok'));
test('writes scratch', () => writeFileSync(process.env.TMPDIR + '/scratch.txt', 'ok'));
test('runs as the unprivileged sandbox user', () => assert.equal(process.getuid?.(), 10001));
`),
          ],
          { collect: ['written.txt'] },
        ),
      );
      expect(result.tests.filter((t) => t.status !== 'PASSED')).toEqual([]);
      expect(result.tests).toHaveLength(9);
      expect(result.artifacts.map((a) => [a.path, a.content.toString()])).toEqual([['written.txt', 'ok']]);
    },
  );

  it_(
    'contains a fork bomb within the pids limit',
    async (s) => {
      const result = await s.run(
        request(
          [
            {
              path: 'bomb.mjs',
              content: `
import { spawn } from 'node:child_process';
let spawned = 0, refused = 0;
for (let i = 0; i < 300; i++) {
  try {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    await new Promise((resolve) => { child.once('spawn', () => { spawned++; resolve(); }); child.once('error', () => { refused++; resolve(); }); });
  } catch { refused++; }
  if (refused > 5) break;
}
console.log(JSON.stringify({ spawned, refused }));
process.exit(0);
`,
            },
          ],
          { argv: ['node', 'bomb.mjs'], limits: { ...quick, pids: 48, memoryBytes: 1024 * MiB } },
        ),
      );
      const line = /\{"spawned":\d+,"refused":\d+\}/.exec(result.output);
      expect(line).not.toBeNull();
      const counts = JSON.parse(line![0]) as { spawned: number; refused: number };
      expect(counts.refused).toBeGreaterThan(0);
      expect(counts.spawned).toBeLessThan(48);
    },
    90_000,
  );

  it_('reports a memory bomb as OOM', async (s) => {
    const result = await s.run(
      request(
        [
          {
            path: 'hog.mjs',
            content:
              'const keep = []; for (;;) { const b = Buffer.alloc(8 * 1024 * 1024); b.fill(1); keep.push(b); }\n',
          },
        ],
        { argv: ['node', 'hog.mjs'], limits: { ...quick, memoryBytes: 128 * MiB } },
      ),
    );
    expect(result).toMatchObject({ outcome: 'OOM', oomKilled: true, killedBy: null });
  });

  it_(
    'holds a run to its disk quota: 20 × 60 MiB into the workspace ends DISK_LIMIT, never PASSED',
    async (s) => {
      const writer = (swallow: boolean) =>
        testFile(
          [
            "import { writeFileSync } from 'node:fs';",
            "test('fills the disk', () => {",
            '  for (let i = 0; i < 20; i++) {',
            swallow
              ? '    try { writeFileSync(`blob-${i}.bin`, Buffer.alloc(60 * 1024 * 1024, 1)); } catch { /* ignore ENOSPC */ }'
              : '    writeFileSync(`blob-${i}.bin`, Buffer.alloc(60 * 1024 * 1024, 1));',
            '  }',
            '});',
          ].join('\n'),
        );
      const limits = { ...quick, memoryBytes: 512 * MiB, scratchBytes: 64 * MiB, diskBytes: 96 * MiB };
      const told = await s.run(request([writer(false)], { limits }));
      expect(told.outcome).toBe('DISK_LIMIT');
      expect(told.tests[0]?.message ?? told.output).toMatch(/ENOSPC|no space left/i);
      // A test that swallows the error and "passes" still filled its quota.
      const hidden = await s.run(request([writer(true)], { limits }));
      expect(hidden.tests.map((t) => t.status)).toEqual(['PASSED']);
      expect(hidden.outcome).toBe('DISK_LIMIT');
      // An ordinary run next to it is untouched by the quota.
      const fine = await s.run(request([testFile("test('ok', () => assert.equal(1, 1));")], { limits }));
      expect(fine.outcome).toBe('PASSED');
    },
    120_000,
  );

  it_('kills an infinite loop at the wall-clock limit and says it did (TIMEOUT)', async (s) => {
    const started = Date.now();
    const result = await s.run(
      request([testFile("test('spins', () => { for (;;) {} });")], {
        limits: { ...quick, timeoutMs: 2_000 },
      }),
    );
    expect(result).toMatchObject({ outcome: 'TIMEOUT', killedBy: 'timeout' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it_('stops 100 MiB of output at the output limit (OUTPUT_LIMIT), keeping exactly the limit', async (s) => {
    const result = await s.run(
      request(
        [
          {
            path: 'loud.mjs',
            content:
              "import { writeSync } from 'node:fs';\nconst line = 'x'.repeat(1023) + '\\n';\nfor (let i = 0; i < 100 * 1024; i++) writeSync(1, line);\n",
          },
        ],
        { argv: ['node', 'loud.mjs'], limits: { ...quick, outputBytes: MiB } },
      ),
    );
    expect(result).toMatchObject({
      outcome: 'OUTPUT_LIMIT',
      killedBy: 'output_limit',
      outputTruncated: true,
    });
    expect(Buffer.byteLength(result.output)).toBe(MiB);
  });

  it_('copies artifacts out without following a symlink', async (s) => {
    const result = await s.run(
      request(
        [
          {
            path: 'make.mjs',
            content:
              "import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';\nmkdirSync('out');\nwriteFileSync('out/result.txt', 'data');\nsymlinkSync('/etc/passwd', 'out/passwd');\nsymlinkSync('/etc', 'out/etc');\n",
          },
        ],
        { argv: ['node', 'make.mjs'], collect: ['out'] },
      ),
    );
    expect(result.error).toBeNull();
    expect(result.artifacts.map((a) => [a.path, a.content.toString()])).toEqual([['out/result.txt', 'data']]);
    expect(result.skippedArtifacts.map((a) => a.path).sort()).toEqual(['out/etc', 'out/passwd']);
    expect(result.skippedArtifacts.every((a) => a.reason.includes('symlink'))).toBe(true);
  });

  it_(
    'leaves nothing behind after 50 runs, killed ones included',
    async (s) => {
      await s.settled();
      const before = await driver.leftovers();
      const kinds = Array.from({ length: 50 }, (_, i) => i % 5);
      const outcomes: string[] = [];
      for (let i = 0; i < kinds.length; i += 5) {
        const batch = kinds.slice(i, i + 5).map((kind) =>
          kind === 0
            ? request([testFile("test('spins', () => { for (;;) {} });")], {
                limits: { ...quick, timeoutMs: 1_000 },
              })
            : kind === 1
              ? request(
                  [
                    {
                      // writeSync: nothing is buffered in the process, so memory cannot run out first.
                      path: 'loud.mjs',
                      content:
                        "import { writeSync } from 'node:fs';\nconst chunk = 'y'.repeat(4096);\nfor (;;) writeSync(1, chunk);\n",
                    },
                  ],
                  { argv: ['node', 'loud.mjs'], limits: { ...quick, outputBytes: 64 * 1024 } },
                )
              : request([testFile("test('ok', () => assert.ok(true));")]),
        );
        const results = await Promise.all(batch.map((r) => s.run(r)));
        outcomes.push(...results.map((r) => (r.error ? `${r.outcome}: ${r.error}` : r.outcome)));
      }
      const counts: Record<string, number> = {};
      for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
      expect(counts).toEqual({ TIMEOUT: 10, OUTPUT_LIMIT: 10, PASSED: 30 });
      await s.settled();
      expect(await driver.leftovers()).toBe(before);
      expect(await driver.leftovers()).toBe(0);
    },
    300_000,
  );
});

describe('docker sandbox reaper', () => {
  it('removes labelled containers and volumes whose expiry has passed, and nothing else', async () => {
    const problem = await dockerReady(docker);
    if (problem) return missingService('docker sandbox', problem);
    const sandbox = new DockerSandbox({ docker });
    const id = randomUUID();
    const expired = {
      [SANDBOX_LABEL]: 'run',
      [RUN_ID_LABEL]: id,
      [EXPIRES_LABEL]: String(Date.now() - 1_000),
    };
    const current = {
      ...expired,
      [RUN_ID_LABEL]: `${id}-live`,
      [EXPIRES_LABEL]: String(Date.now() + 600_000),
    };
    await docker.createVolume({ Name: `codemyspec-run-${id}`, Labels: expired });
    const leftover = await docker.createContainer({
      Image: IMAGE,
      Cmd: ['node', '--version'],
      Labels: expired,
      HostConfig: { NetworkMode: 'none' },
    });
    const live = await docker.createContainer({
      Image: IMAGE,
      Cmd: ['node', '--version'],
      Labels: current,
      HostConfig: { NetworkMode: 'none' },
    });
    try {
      expect(await sandbox.reap()).toBeGreaterThanOrEqual(2);
      await expect(leftover.inspect()).rejects.toThrow();
      await expect(docker.getVolume(`codemyspec-run-${id}`).inspect()).rejects.toThrow();
      await expect(live.inspect()).resolves.toBeDefined();
    } finally {
      await live.remove({ force: true });
      await sandbox.close();
    }
  });
});
