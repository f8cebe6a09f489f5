import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@app/testing/infra/testcontainers-gate';

const ROOT = resolve(__dirname, '../..');

/**
 * `npm start` on the embedded default: it starts, answers through the gateway, restarts a service
 * killed with SIGKILL (no acknowledged write lost), and stops cleanly on Ctrl-C.
 */
describe('npm start (smoke)', () => {
  it('starts the whole system with embedded PostgreSQL, serves a query, restarts a killed service losing nothing acknowledged, and stops on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'codemyspec-start-'));
    await chmod(dataDir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
    const [gateway, stories, architect, sessions, postgres] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const env: Record<string, string | undefined> = {
      ...process.env,
      CODEMYSPEC_DATA_DIR: dataDir,
      PORT: String(gateway),
      STORIES_PORT: String(stories),
      ARCHITECT_PORT: String(architect),
      SESSIONS_PORT: String(sessions),
      CODEMYSPEC_PG_PORT: String(postgres),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    delete env.CODEMYSPEC_INTERNAL_SECRET;
    delete env.CODEMYSPEC_ADMIN_TOKEN;
    // A process group of its own, as in a terminal: Ctrl-C signals every process of the group.
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/scripts/start-system.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('ready: gateway')) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        if (Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      // A first start on an empty data folder is clean: no warning, no error (the services start one
      // after the other, and a consumer finding another's event store not migrated yet is expected).
      const startUp = output.slice(0, output.indexOf('ready: gateway'));
      expect(startUp.split('\n').filter((l) => /"level":(40|50|60)|\bERROR\b|\bWARN\b/.test(l))).toEqual([]);
      const token = (await readFile(join(dataDir, 'admin.token'), 'utf8')).trim();
      expect((await stat(join(dataDir, 'admin.token'))).mode & 0o777).toBe(0o600);
      const response = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { createProject(input: { name: "Smoke" }) { id name } }' }),
      });
      const { data } = (await response.json()) as { data: { createProject: { id: string; name: string } } };
      expect(data).toEqual({ createProject: { id: expect.any(String), name: 'Smoke' } });

      // kill -9 of one service: the supervisor restarts it, and no acknowledged write is lost.
      // Requests refused by the rate limit (the writer below runs flat out) are sent again.
      const gql = async (
        query: string,
        variables: Record<string, unknown>,
      ): Promise<{ data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] }> => {
        for (;;) {
          const answer = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await answer.json()) as {
            data?: Record<string, unknown>;
            errors?: { extensions?: { code?: string } }[];
          };
          if (body.errors?.[0]?.extensions?.code !== 'RATE_LIMITED') return body;
          await new Promise((r) => setTimeout(r, 500));
        }
      };
      const pid = Number(/stories started \(pid (\d+)/.exec(output)?.[1]);
      expect(pid).toBeGreaterThan(0);
      const acknowledged: string[] = [];
      let attempts = 0;
      const writer = (async () => {
        const until = Date.now() + 25_000;
        while (Date.now() < until && (acknowledged.length < 40 || !output.includes('stories is back'))) {
          attempts += 1;
          const answer = await gql(`mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`, {
            i: {
              projectId: data.createProject.id,
              title: `Story ${attempts}`,
              description: '',
              acceptanceCriteria: [],
            },
          }).catch(() => undefined);
          const story = answer?.data?.createStory as { id: string } | undefined;
          if (story) acknowledged.push(story.id);
        }
      })();
      while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
      process.kill(pid, 'SIGKILL');
      await writer;
      expect(output).toMatch(/stories exited \(SIGKILL\); restarting it in \d+ ms/);
      expect(output).toContain('stories is back');
      expect(child.exitCode).toBeNull();
      const count = await gql(`query($p: ID!) { stories(projectId: $p, first: 1) { totalCount } }`, {
        p: data.createProject.id,
      });
      // A write cut off by the kill after its commit may exist unacknowledged; never the reverse.
      expect((count.data?.stories as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(
        acknowledged.length,
      );
      for (const id of acknowledged) {
        const found = await gql(`query($id: ID!) { story(id: $id) { id } }`, { id });
        expect(found.data?.story).toEqual({ id });
      }
    } finally {
      // Ctrl-C: SIGINT to the supervisor, the services and PostgreSQL at once.
      process.kill(-child.pid!, 'SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopping embedded PostgreSQL');
    const shutdown = output.slice(output.indexOf('stopping services'));
    // An orderly shutdown: no uncaught error, no stack trace (ws used to throw "The server is not running").
    expect(shutdown).not.toMatch(/Error:|\n\s+at /);
  }, 210_000);
});
