import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Docker from 'dockerode';
import {
  BubblewrapSandbox,
  bubblewrapAvailable,
} from '../../apps/sessions/src/sandbox/bubblewrap/bubblewrap-sandbox';
import { DockerSandbox } from '../../apps/sessions/src/sandbox/docker/docker-sandbox';
import { DEFAULT_SANDBOX_LIMITS } from '../../apps/sessions/src/sandbox/sandbox-limits';
import type { Sandbox, SandboxRequest, WorkspaceFile } from '../../apps/sessions/src/sandbox/sandbox.port';
import { testArgv } from '../../apps/sessions/src/sandbox/test-command';

/**
 * `npm run bench:sandbox`: the p50 time of one small `node --test` run (two TypeScript tests),
 * over RUNS runs each, in one process and one run: on the host, in a cold Docker sandbox, from
 * the Docker warm pool, and under bubblewrap. Overheads are against the host's p50.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const IMAGE = process.env.SANDBOX_IMAGE ?? 'codemyspec/sandbox-node:24';
const TARGETS = { dockerCold: 1_500, dockerWarm: 300 };

const FILES: WorkspaceFile[] = [
  { path: 'src/sum.ts', content: 'export const sum = (a: number, b: number): number => a + b;\n' },
  {
    path: 'test/sum.test.ts',
    content: [
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { sum } from '../src/sum.ts';",
      "test('adds', () => assert.equal(sum(1, 2), 3));",
      "test('adds negatives', () => assert.equal(sum(-1, -2), -3));",
      '',
    ].join('\n'),
  },
];

const limits = { ...DEFAULT_SANDBOX_LIMITS, timeoutMs: 30_000 };
const request = (): SandboxRequest => ({
  runId: randomUUID(),
  files: FILES,
  argv: testArgv().argv,
  limits,
  image: IMAGE,
});

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function hostRun(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-host-'));
  try {
    for (const file of FILES) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--test', '--test-reporter=tap'], { cwd: dir, stdio: 'ignore' });
      child.on('close', resolve);
    });
    const elapsed = performance.now() - started;
    if (code !== 0) throw new Error(`host run exited ${code}`);
    return elapsed;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function sandboxRuns(sandbox: Sandbox, before?: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    await before?.();
    const started = performance.now();
    const result = await sandbox.run(request());
    times.push(performance.now() - started);
    if (result.outcome !== 'PASSED')
      throw new Error(
        `${sandbox.driver} run ${i} ended ${result.outcome}: ${result.error ?? result.output.slice(0, 500)}`,
      );
  }
  return times;
}

interface Row {
  readonly name: string;
  readonly times: number[] | null;
  readonly note: string;
  readonly target?: number;
}

async function dockerRows(): Promise<Row[]> {
  const docker = new Docker();
  const dockerProblem = await docker
    .ping()
    .then(() => docker.getImage(IMAGE).inspect())
    .then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  if (dockerProblem)
    return [
      { name: 'docker, cold', times: null, note: `skipped: ${dockerProblem}`, target: TARGETS.dockerCold },
      {
        name: 'docker, warm pool',
        times: null,
        note: `skipped: ${dockerProblem}`,
        target: TARGETS.dockerWarm,
      },
    ];
  const rows: Row[] = [];
  const cold = new DockerSandbox({ docker });
  await sandboxRuns(cold).then(() => undefined); // one discarded round warms the engine's caches
  rows.push({
    name: 'docker, cold',
    times: await sandboxRuns(cold),
    note: 'create tmpfs volume + container, start, copy, exec, read report (removed after the answer)',
    target: TARGETS.dockerCold,
  });
  await cold.close();
  const warm = new DockerSandbox({ docker, warmPoolSize: 2, warm: { image: IMAGE, limits } });
  const full = async () => {
    while (warm.warmContainers < 2) await warm.warmUp();
  };
  rows.push({
    name: 'docker, warm pool',
    times: await sandboxRuns(warm, full),
    note: 'started container: copy, exec, read report (removed after the answer)',
    target: TARGETS.dockerWarm,
  });
  await warm.close();
  return rows;
}

async function bubblewrapRow(): Promise<Row> {
  if (!bubblewrapAvailable()) return { name: 'bubblewrap', times: null, note: 'skipped: bwrap unavailable' };
  const workRoot = await mkdtemp(join(tmpdir(), 'bench-bwrap-'));
  const bwrap = new BubblewrapSandbox({ workRoot });
  await sandboxRuns(bwrap).then(() => undefined);
  const row = {
    name: 'bubblewrap',
    times: await sandboxRuns(bwrap),
    note: 'namespaces + cgroup + prlimit + tmpfs quota',
  };
  await rm(workRoot, { recursive: true, force: true });
  return row;
}

function printTable(rows: readonly Row[], hostP50: number): void {
  const header = ['contender', 'p50', 'p95', 'overhead vs host p50', 'target', 'met', 'what it includes'];
  const lines = rows.map((row) => {
    if (!row.times)
      return [row.name, 'n/a', 'n/a', 'n/a', row.target ? `≤ ${row.target} ms` : '', 'n/a', row.note];
    const p50 = percentile(row.times, 50);
    const overhead = p50 - hostP50;
    return [
      row.name,
      `${Math.round(p50)} ms`,
      `${Math.round(percentile(row.times, 95))} ms`,
      row.name.startsWith('host') ? '—' : `${Math.round(overhead)} ms (${(p50 / hostP50).toFixed(2)}×)`,
      row.target ? `≤ ${row.target} ms` : '',
      row.target ? (overhead <= row.target ? 'yes' : 'NO') : '',
      row.note,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(
    `${[fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  process.stderr.write(`[bench:sandbox] ${RUNS} runs each, node ${process.version}\n`);
  const host: number[] = [];
  await hostRun(); // warm the file cache
  for (let i = 0; i < RUNS; i += 1) host.push(await hostRun());
  const rows: Row[] = [
    { name: 'host (node --test, no sandbox)', times: host, note: 'baseline' },
    ...(await dockerRows()),
    await bubblewrapRow(),
  ];
  printTable(rows, percentile(host, 50));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:sandbox failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
