import { waitFor } from '@app/testing/wait-for';
import { readTar } from '../../apps/sessions/src/sandbox/tar-archive';
import { VALID_CONTEXT_DESIGN } from './fixtures';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

/** Manual mode through the gateway: a person's tests run red in the sandbox, then green with the code. */
describe('runTests through the gateway (real sandbox, real bus)', () => {
  let system: RunningSystem;
  let driver: 'docker' | 'bubblewrap' | null;

  beforeAll(async () => {
    driver = await sandboxDriver();
    system = await startSystem();
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  const ok = <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    system.ok<T>(query, variables, token);

  const RUN = `mutation($i: RunTestsInput!) { runTests(input: $i) {
    id outcome exitCode durationMs driver testsPassed testsFailed workspaceVersion output
    tests { name status message failureKind } } }`;

  const testFile = {
    path: 'test/cart.test.ts',
    content: [
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { total } from '../src/cart.ts';",
      "test('totals the lines', () => assert.equal(total([{ price: 2, qty: 3 }, { price: 1, qty: 1 }]), 7));",
      "test('an empty cart totals zero', () => assert.equal(total([]), 0));",
    ].join('\n'),
  };
  const codeFile = {
    path: 'src/cart.ts',
    content:
      'export const total = (lines: { price: number; qty: number }[]): number => lines.reduce((sum, l) => sum + l.price * l.qty, 0);\n',
  };

  it('records a red run, then a green one, and the architect derives test and code status from them', async () => {
    if (!driver) return; // reported by sandboxDriver()
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Runs", description: "" }) { id } }`,
      )
    ).createProject.id;
    const editor = (
      await ok<{ createApiToken: { token: string } }>(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
        { i: { name: 'editor', projectId, role: 'EDITOR' } },
      )
    ).createApiToken.token;
    const componentId = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'Cart', type: 'DOMAIN' } },
        editor,
      )
    ).createContext.id;

    // Runs count as evidence only for an accepted design.
    await ok(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`,
      { i: { componentId, markdown: VALID_CONTEXT_DESIGN('Cart', [], []) } },
      editor,
    );

    const red = await ok<{
      runTests: Record<string, unknown> & { tests: { name: string; failureKind: string }[] };
    }>(RUN, { i: { projectId, componentId, files: [testFile] } }, editor);
    expect(red.runTests).toMatchObject({
      outcome: 'FAILED',
      testsPassed: 0,
      testsFailed: 1,
      driver,
      workspaceVersion: 1,
    });
    expect(red.runTests.tests).toMatchObject([
      { name: 'test/cart.test.ts', status: 'FAILED', failureKind: 'missing_module' },
    ]);
    expect(red.runTests.output).toContain('Cannot find module');

    await waitFor(
      async () =>
        (
          await ok<{ component: { testStatus: string } }>(
            `query($id: ID!) { component(id: $id) { testStatus } }`,
            { id: componentId },
            editor,
          )
        ).component.testStatus === 'RED',
      30_000,
      'the red evidence to reach the architect',
    );

    const green = await ok<{
      runTests: {
        id: string;
        outcome: string;
        tests: { name: string; status: string }[];
        workspaceVersion: number;
      };
    }>(RUN, { i: { projectId, componentId, files: [testFile, codeFile] } }, editor);
    expect(green.runTests).toMatchObject({ outcome: 'PASSED', workspaceVersion: 2 });
    expect(green.runTests.tests.map((t) => [t.name, t.status])).toEqual([
      ['totals the lines', 'PASSED'],
      ['an empty cart totals zero', 'PASSED'],
    ]);
    await waitFor(
      async () =>
        (
          await ok<{ component: { codeStatus: string } }>(
            `query($id: ID!) { component(id: $id) { codeStatus } }`,
            { id: componentId },
            editor,
          )
        ).component.codeStatus === 'GREEN',
      30_000,
      'the green evidence to reach the architect',
    );

    // A project's own test command is used by its runs; nonsense settings are refused.
    const configured = await ok<{
      configureProjectSandbox: { effectiveTestCommand: string; effectiveImage: string; driver: string };
    }>(
      `mutation($i: ConfigureProjectSandboxInput!) { configureProjectSandbox(input: $i) { effectiveTestCommand effectiveImage driver } }`,
      { i: { projectId, testCommand: 'node --test --test-name-pattern=empty' } },
      editor,
    );
    expect(configured.configureProjectSandbox).toEqual({
      effectiveTestCommand: 'node --test --test-name-pattern=empty',
      effectiveImage: 'codemyspec/sandbox-node:24',
      driver,
    });
    const filtered = await ok<{ runTests: { outcome: string; tests: { name: string; status: string }[] } }>(
      RUN,
      { i: { projectId, componentId, files: [testFile, codeFile] } },
      editor,
    );
    expect(filtered.runTests.tests.filter((t) => t.status === 'PASSED').map((t) => t.name)).toEqual([
      'an empty cart totals zero',
    ]);
    const badImage = await system.graphql(
      `mutation($i: ConfigureProjectSandboxInput!) { configureProjectSandbox(input: $i) { effectiveImage } }`,
      { i: { projectId, image: 'not an image!' } },
      editor,
    );
    expect(badImage.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ field: 'image' }],
    });
    await ok(
      `mutation($i: ConfigureProjectSandboxInput!) { configureProjectSandbox(input: $i) { effectiveImage } }`,
      { i: { projectId } },
      editor,
    );

    // Both runs are kept, newest first; the workspace holds both files at version 2.
    const runs = await ok<{ sandboxRuns: { outcome: string }[] }>(
      `query($c: ID!) { sandboxRuns(componentId: $c) { outcome } }`,
      { c: componentId },
      editor,
    );
    expect(runs.sandboxRuns.map((r) => r.outcome)).toEqual(['PASSED', 'PASSED', 'FAILED']);
    const workspace = await ok<{
      workspace: { version: number; files: { path: string; version: number }[] };
    }>(
      `query($p: ID!) { workspace(projectId: $p) { version files { path version } } }`,
      { p: projectId },
      editor,
    );
    expect(workspace.workspace).toEqual({
      version: 2,
      files: [
        { path: 'src/cart.ts', version: 2 },
        { path: 'test/cart.test.ts', version: 1 },
      ],
    });
    // Exported as a tar: version 1 holds the test alone, the newest both files, contents intact.
    const tar = async (version?: number) =>
      (
        await readTar(
          Buffer.from(
            (
              await ok<{ workspaceTar: string }>(
                `query($p: ID!, $v: Int) { workspaceTar(projectId: $p, version: $v) }`,
                {
                  p: projectId,
                  v: version,
                },
              )
            ).workspaceTar,
            'base64',
          ),
          1024 * 1024,
        )
      ).files.map((f) => [f.path, f.content.toString('utf8')]);
    expect(await tar(1)).toEqual([[testFile.path, testFile.content]]);
    expect(await tar()).toEqual([
      [codeFile.path, codeFile.content],
      [testFile.path, testFile.content],
    ]);
  }, 120_000);

  it('refuses bad paths, a viewer, and another project’s token, with their codes', async () => {
    const projectId = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Denials", description: "" }) { id } }`,
      )
    ).createProject.id;
    const other = (
      await ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Other", description: "" }) { id } }`,
      )
    ).createProject.id;
    const token = async (project: string, role: string) =>
      (
        await ok<{ createApiToken: { token: string } }>(
          `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
          { i: { name: role, projectId: project, role } },
        )
      ).createApiToken.token;
    const componentId = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        {
          i: { projectId, name: 'Ctx', type: 'DOMAIN' },
        },
      )
    ).createContext.id;
    const input = (files: { path: string; content: string }[]) => ({ i: { projectId, componentId, files } });

    const escape = await system.graphql(RUN, input([{ path: '../etc/passwd', content: 'x' }]));
    expect(escape.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [{ field: 'files[0].path', message: '"../etc/passwd" leaves the workspace (..)' }],
    });
    const viewer = await system.graphql(RUN, input([testFile]), await token(projectId, 'VIEWER'));
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await system.graphql(RUN, input([testFile]), await token(other, 'EDITOR'));
    expect(stranger.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const shell = await system.graphql(RUN, {
      i: { ...input([testFile]).i, command: 'node --test; curl evil' },
    });
    expect(shell.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // Manual mode needs no LLM; automated sessions say why they cannot start.
    const session = await system.graphql(
      `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
      {
        i: { componentId, type: 'DESIGN' },
      },
    );
    expect(session.errors?.[0].extensions?.code).toBe('LLM_NOT_CONFIGURED');
    expect(session.errors?.[0].message).toMatch(/OPENAI_BASE_URL/);
  }, 60_000);
});
