import { randomUUID } from 'node:crypto';
import type { ServiceHarness } from '@app/testing/service-harness';
import { projectIdentity, startServiceHarness } from '@app/testing/service-harness';
import { loadSessionsConfig } from './sessions-config';
import { SessionsModule } from './sessions.module';
import { WorkspaceService } from './workspace/workspace.service';

/** The sessions subgraph alone on a real PostgreSQL, with neither a sandbox nor an LLM. */
describe('sessions subgraph without a sandbox or an LLM', () => {
  let harness: ServiceHarness;
  const env = { SANDBOX_DRIVER: 'none', OPENAI_BASE_URL: '', OPENAI_API_KEY: '' };

  beforeAll(async () => {
    harness = await startServiceHarness(
      'sessions',
      (config) => SessionsModule.register(config, loadSessionsConfig({ ...process.env, ...env })),
      env,
    );
  }, 60_000);

  afterAll(() => harness?.close());

  const projectId = randomUUID();
  const editor = projectIdentity(projectId);

  it('refuses runTests with SANDBOX_UNAVAILABLE, saying why', async () => {
    const result = await harness.graphql(
      `mutation($i: RunTestsInput!) { runTests(input: $i) { id } }`,
      { i: { projectId, componentId: randomUUID(), files: [{ path: 'a.test.ts', content: '' }] } },
      editor,
    );
    expect(result.errors?.[0].extensions?.code).toBe('SANDBOX_UNAVAILABLE');
    expect(result.errors?.[0].message).toContain('SANDBOX_DRIVER=none');
    const settings = await harness.graphql<{ projectSandbox: { driver: string | null } }>(
      `query($p: ID!) { projectSandbox(projectId: $p) { driver } }`,
      { p: projectId },
      editor,
    );
    expect(settings.data?.projectSandbox.driver).toBeNull();
  });

  it('refuses automated sessions with LLM_NOT_CONFIGURED', async () => {
    const result = await harness.graphql(
      `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
      { i: { componentId: randomUUID(), type: 'DESIGN' } },
      editor,
    );
    expect(result.errors?.[0].extensions?.code).toBe('LLM_NOT_CONFIGURED');
  });

  it('keeps projects apart and refuses unsigned calls', async () => {
    const other = await harness.graphql(
      `query($p: ID!) { workspace(projectId: $p) { version } }`,
      { p: randomUUID() },
      editor,
    );
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unsigned = await harness.graphql(
      `query($p: ID!) { workspace(projectId: $p) { version } }`,
      { p: projectId },
      null,
    );
    expect(unsigned.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const empty = await harness.graphql<{ workspace: { version: number; files: unknown[] } }>(
      `query($p: ID!) { workspace(projectId: $p) { version files { path } } }`,
      { p: projectId },
      editor,
    );
    expect(empty.data?.workspace).toEqual({ version: 0, files: [] });
  });

  it('reads any workspace version with one query, the same as folding its versions', async () => {
    const workspaces = harness.app.get(WorkspaceService);
    const project = randomUUID();
    const writer = { kind: 'manual' as const, runId: randomUUID() };
    const write = (files: { path: string; content: string }[]) =>
      workspaces.write(project, files, writer, { projectId: project, actor: 'test' });
    await write([
      { path: 'a.ts', content: '1' },
      { path: 'b.ts', content: '1' },
    ]);
    await write([{ path: 'a.ts', content: '2' }]);
    await write([{ path: 'a.ts', content: '2' }]); // nothing changed: no version
    await write([{ path: 'c.ts', content: '3' }]);
    const latest = await workspaces.files(project);
    expect(latest).toEqual([
      { path: 'a.ts', content: '2' },
      { path: 'b.ts', content: '1' },
      { path: 'c.ts', content: '3' },
    ]);
    expect((await workspaces.load(project)).version).toBe(3);
    expect(await workspaces.files(project, { version: 1 })).toEqual([
      { path: 'a.ts', content: '1' },
      { path: 'b.ts', content: '1' },
    ]);
    expect(
      [...(await workspaces.load(project, undefined, 2)).files.entries()].map(([p, e]) => [p, e.version]),
    ).toEqual([
      ['a.ts', 2],
      ['b.ts', 1],
    ]);
    await expect(workspaces.files(project, { version: 9 })).rejects.toThrow(/workspace version/);
  });
});
