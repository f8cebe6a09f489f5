import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@app/domain/testing/infra/testcontainers-gate';

const ROOT = resolve(__dirname, '../..');

/** `npm start` on the embedded default: it starts, answers a query through the gateway, and stops cleanly on Ctrl-C. */
describe('npm start (smoke)', () => {
  it('starts the whole system with embedded PostgreSQL, serves a query, and stops on SIGINT', async () => {
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
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/scripts/start-system.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
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
      const token = (await readFile(join(dataDir, 'admin.token'), 'utf8')).trim();
      expect((await stat(join(dataDir, 'admin.token'))).mode & 0o777).toBe(0o600);
      const response = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { createProject(input: { name: "Smoke" }) { id name } }' }),
      });
      expect(((await response.json()) as { data: unknown }).data).toEqual({
        createProject: { id: expect.any(String), name: 'Smoke' },
      });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('stopping embedded PostgreSQL');
  }, 150_000);
});
