import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { waitFor } from '@app/testing/wait-for';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, startSystem } from './system';

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

/** The attacks of the adversarial review, played against the whole system through the gateway. */
describe('security: the attacks of the review, through the gateway', () => {
  let system: RunningSystem;
  // The answers are checked field by field below; their shapes differ per query.
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string | null) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    system.graphql<Record<string, any>>(query, variables, token);

  beforeAll(async () => {
    system = await startSystem({
      // The embedded bus: 20,000 imported stories would otherwise sit in the Kafka topics that
      // every later consumer group reads from offset 0.
      KAFKA_BROKERS: '',
      RATE_LIMIT_BURST: '40',
      RATE_LIMIT_PER_SECOND: '1000',
      AUTH_FAILURES_BURST: '15',
      AUTH_FAILURES_PER_SECOND: '1',
      GRAPHQL_INTROSPECTION: 'false',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  async function project(name: string) {
    const { createProject } = await system.ok<{ createProject: { id: string } }>(
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`,
      { i: { name, description: '' } },
    );
    return createProject.id;
  }

  async function token(projectId: string, role: string, name = `${role} ${randomUUID().slice(0, 6)}`) {
    const { createApiToken } = await system.ok<{ createApiToken: { id: string; token: string } }>(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id token } }`,
      { i: { name, projectId, role } },
    );
    return createApiToken;
  }

  async function story(projectId: string, title: string, tok?: string) {
    const result = await gql(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id acceptanceCriteria { id } } }`,
      {
        i: {
          projectId,
          title,
          description: 'As a user I want x so that y',
          acceptanceCriteria: ['it works'],
        },
      },
      tok,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createStory as { id: string; acceptanceCriteria: { id: string }[] };
  }

  it('refuses a 1 kB fragment bomb at once (not in 25 s) while /health/live keeps answering', async () => {
    const fragments = ['fragment F0 on Story { id title }'];
    for (let i = 1; i <= 24; i += 1) fragments.push(`fragment F${i} on Story { ...F${i - 1} ...F${i - 1} }`);
    const bomb = `query($id: ID!) { story(id: $id) { ...F24 } } ${fragments.join(' ')}`;
    const started = performance.now();
    const [refused, live] = await Promise.all([
      gql(bomb, { id: randomUUID() }),
      fetch(`${system.url}/health/live`).then((r) => r.status),
    ]);
    // 38–55 ms here; the bomb took 25 s before fragments were measured once. A loaded CI machine
    // must not make this flaky, so the bound is well above the first and far below the second.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(live).toBe(200);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const many = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: projects { id }`).join(' ')} }`;
    expect((await gql(many)).errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
    });
  });

  it('counts every aliased root mutation against the rate limit, all or none', async () => {
    const projectId = await project('Aliases');
    const editor = await token(projectId, 'EDITOR');
    // One input for every alias keeps the document within the token limit (45 literal inputs are not).
    const fields = Array.from({ length: 45 }, (_, i) => `s${i}: createStory(input: $i) { id }`);
    const refused = await gql(
      `mutation($i: CreateStoryInput!) { ${fields.join(' ')} }`,
      { i: { projectId, title: 'T', description: '', acceptanceCriteria: [] } },
      editor.token,
    );
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const count = await gql(`query($p: ID!) { stories(projectId: $p, first: 1) { totalCount } }`, {
      p: projectId,
    });
    expect(count.data!.stories.totalCount).toBe(0);
  });

  it('takes the documented sizes end to end and names the limit past them', async () => {
    const projectId = await project('Sizes');
    const big = await gql(`mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`, {
      i: { projectId, title: 'Big', description: 'd'.repeat(900 * 1024), acceptanceCriteria: [] },
    });
    expect(big.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        details: [{ field: 'description', message: 'must be at most 100000 characters' }],
      },
    });
    const huge = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: '{ projects { id } }',
        variables: { pad: 'x'.repeat(17 * 1024 * 1024) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: Errors }).errors?.[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limit: 'GRAPHQL_MAX_BODY_BYTES',
    });
    const nul = await gql(`mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`, {
      i: { projectId, title: 'a\u0000b', description: '', acceptanceCriteria: [] },
    });
    expect(nul.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', details: [{ field: '$i.title' }] },
    });
    const clash = await gql(`mutation($i: RunTestsInput!) { runTests(input: $i) { id } }`, {
      i: {
        projectId,
        componentId: randomUUID(),
        files: [
          { path: 'src', content: 'a file' },
          { path: 'src/a.test.ts', content: '' },
        ],
      },
    });
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(clash.errors?.[0].message).toMatch(/folder "src", but "src" is also given as a file/);
  });

  it('imports 10,000 stories in one request, and their export imports again into another project', async () => {
    const markdown = Array.from(
      { length: 10_000 },
      (_, i) =>
        `## Story ${i}\n\nAs a clerk I want report ${i} so that I can file it.\n\n### Acceptance Criteria\n\n- report ${i} lists the totals\n`,
    ).join('\n');
    const first = await project('Ten thousand');
    const imported = await gql(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }`,
      { p: first, m: `# User Stories\n\n${markdown}` },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importStoriesMarkdown).toHaveLength(10_000);
    const exported = await gql(`query($p: ID!) { exportStoriesMarkdown(projectId: $p) }`, { p: first });
    const second = await project('Re-import');
    const again = await gql(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }`,
      { p: second, m: exported.data!.exportStoriesMarkdown },
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.importStoriesMarkdown).toHaveLength(10_000);
    // The other services follow: the architect's report lists every imported criterion, and the git
    // record holds every story after a handful of commits (changes close together share one).
    await waitFor(
      async () => {
        const report = await gql(
          `query($p: ID!) { traceability(projectId: $p) { counts { status count } } }`,
          {
            p: second,
          },
        );
        const counts = (report.data?.traceability?.counts ?? []) as { count: number }[];
        return counts.reduce((sum, c) => sum + c.count, 0) === 10_000;
      },
      120_000,
      'the architect to hold every imported criterion',
    );
    const repository = `--git-dir=${join(system.dataDir, 'repos', `${second}.git`)}`;
    const stories = () =>
      execFileSync('git', [repository, 'show', 'main:docs/user_stories.md'], { maxBuffer: 64 << 20 })
        .toString()
        .match(/^## Story /gm)?.length ?? 0;
    await waitFor(
      async () => {
        try {
          return stories() === 10_000;
        } catch {
          return false; // not committed yet
        }
      },
      120_000,
      'the git record to hold every imported story',
    );
    expect(
      Number(execFileSync('git', [repository, 'rev-list', '--count', 'main']).toString()),
    ).toBeLessThanOrEqual(5);
  }, 300_000);

  it("answers a token about another project's things exactly as about random ids", async () => {
    const [a, b] = [await project('A'), await project('B')];
    const adminA = await token(a, 'ADMIN');
    const theirs = await story(b, 'Theirs');
    const tokenOfB = await token(b, 'VIEWER');
    const criterion = theirs.acceptanceCriteria[0].id;
    const component = await system.ok<{ createContext: { id: string } }>(
      `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
      { i: { projectId: a, name: 'Mine', type: 'DOMAIN' } },
    );
    const calls: [string, (id: string) => Record<string, unknown>][] = [
      ['mutation($v: ID!) { deleteStory(id: $v) }', (id) => ({ v: id })],
      [
        'mutation($v: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $v) { id } }',
        (id) => ({ v: { storyId: id, description: 'x' } }),
      ],
      [
        'mutation($v: UpdateAcceptanceCriterionInput!) { updateAcceptanceCriterion(input: $v) { id } }',
        (id) => ({ v: { storyId: id, criterionId: criterion, description: 'x' } }),
      ],
      [
        'mutation($v: VerifyAcceptanceCriterionInput!) { verifyAcceptanceCriterion(input: $v) { id } }',
        (id) => ({ v: { storyId: id, criterionId: criterion } }),
      ],
      [
        'mutation($v: SetStoryStatusInput!) { setStoryStatus(input: $v) { id } }',
        (id) => ({ v: { id, status: 'COMPLETED' } }),
      ],
      [
        'mutation($v: SetStoryTagsInput!) { setStoryTags(input: $v) { id } }',
        (id) => ({ v: { id, tags: ['x'] } }),
      ],
      [
        'mutation($v: PrioritizeStoryInput!) { prioritizeStory(input: $v) { id } }',
        (id) => ({ v: { id, priority: 'HIGH' } }),
      ],
      [
        'mutation($v: LinkStoryToComponentInput!) { linkStoryToComponent(input: $v) { id } }',
        (id) => ({ v: { storyId: id, componentId: component.createContext.id } }),
      ],
    ];
    for (const [query, variables] of calls) {
      const random = randomUUID();
      const other = await gql(query, variables(theirs.id), adminA.token);
      const unknown = await gql(query, variables(random), adminA.token);
      expect(JSON.stringify(other.errors).replaceAll(theirs.id, random)).toBe(JSON.stringify(unknown.errors));
      expect(JSON.stringify(other)).not.toContain(b);
    }
    const revokeOther = await gql(
      'mutation($v: ID!) { revokeApiToken(id: $v) }',
      { v: tokenOfB.id },
      adminA.token,
    );
    const random = randomUUID();
    const revokeUnknown = await gql(
      'mutation($v: ID!) { revokeApiToken(id: $v) }',
      { v: random },
      adminA.token,
    );
    expect(JSON.stringify(revokeOther.errors).replaceAll(tokenOfB.id, random)).toBe(
      JSON.stringify(revokeUnknown.errors),
    );
    expect(JSON.stringify(revokeOther)).not.toContain(b);
  });

  it('lets a VIEWER append nothing (issuePrompt included), and records actors that cannot be spoofed', async () => {
    const projectId = await project('Roles');
    const viewer = await token(projectId, 'VIEWER');
    const prompt = await gql(
      'mutation($p: ID!) { issuePrompt(kind: STORY_INTERVIEW, subjectId: $p) { id } }',
      { p: projectId },
      viewer.token,
    );
    expect(prompt.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const spoof = await gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id } }`, {
      i: { name: 'Admin', projectId, role: 'EDITOR' },
    });
    expect(spoof.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const alice = await token(projectId, 'EDITOR', 'alice');
    const twin = await gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id } }`, {
      i: { name: 'Alice', projectId, role: 'EDITOR' },
    });
    expect(twin.errors?.[0].message).toMatch(/already exists/);
    const written = await story(projectId, 'By alice', alice.token);
    const history = await gql(`query($id: ID!) { storyHistory(id: $id) { actor } }`, { id: written.id });
    expect(history.data!.storyHistory[0].actor).toBe(`alice (${alice.id})`);
  });

  it('lets only an ADMIN archive; an archived project refuses writes in every service until unarchived', async () => {
    const projectId = await project('Archive');
    const admin = await token(projectId, 'ADMIN');
    const editor = await token(projectId, 'EDITOR');
    const mine = await story(projectId, 'Kept');
    const archive = 'mutation($p: ID!) { archiveProject(id: $p) { id } }';
    expect((await gql(archive, { p: projectId }, editor.token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gql(archive, { p: projectId }, admin.token)).errors).toBeUndefined();
    // Fresh names each time: a write that lands before a service has heard of the archiving
    // must not make a later attempt fail for another reason.
    let attempt = 0;
    const contextName = () => `Late ${(attempt += 1)}`;
    const writes: [string, () => Record<string, unknown>][] = [
      [
        'mutation($v: ReviseStoryInput!) { reviseStory(input: $v) { id } }',
        () => ({ v: { id: mine.id, expectedVersion: 1, title: 'Changed' } }),
      ],
      [
        'mutation($v: CreateContextInput!) { createContext(input: $v) { id } }',
        () => ({ v: { projectId, name: contextName(), type: 'DOMAIN' } }),
      ],
      [
        'mutation($v: RunTestsInput!) { runTests(input: $v) { id } }',
        () => ({ v: { projectId, componentId: randomUUID(), files: [{ path: 'a.test.ts', content: '' }] } }),
      ],
      [
        'mutation($v: ConfigureProjectSandboxInput!) { configureProjectSandbox(input: $v) { projectId } }',
        () => ({ v: { projectId, testCommand: 'node --test' } }),
      ],
    ];
    // The archive reaches every service over the bus. The sessions service's consumer also reads the
    // 20,000 stories imported above (its git record keeps a copy), so it may still be behind them.
    for (const [query, variables] of writes)
      await waitFor(
        async () =>
          (await gql(query, variables(), editor.token)).errors?.[0].extensions?.code === 'FORBIDDEN',
        60_000,
        `FORBIDDEN for ${query.slice(9, 40)} in the archived project`,
      );
    expect(
      (await gql('mutation($p: ID!) { unarchiveProject(id: $p) { id } }', { p: projectId }, admin.token))
        .errors,
    ).toBeUndefined();
    await waitFor(
      async () => !(await gql(writes[1][0], writes[1][1](), editor.token)).errors,
      60_000,
      'createContext to work again after unarchiving',
    );
  }, 180_000);

  it('closes an open subscription within 5 s of its token being revoked; graphql-ws hides the schema too', async () => {
    const projectId = await project('Revoke');
    const editor = await token(projectId, 'EDITOR');
    const client = createClient({
      url: `${system.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${editor.token}` },
      retryAttempts: 0,
      lazy: false,
    });
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as CloseEvent).code)),
    );
    const introspection = await new Promise<Errors>((resolve) => {
      client.subscribe(
        { query: '{ __schema { types { name } } }' },
        { next: () => resolve(undefined), error: (e) => resolve(e as Errors), complete: () => undefined },
      );
    });
    expect(JSON.stringify(introspection)).toMatch(/introspection/i);
    const hint = await new Promise<Errors>((resolve) => {
      client.subscribe(
        { query: 'subscription { sessionProgres(sessionId: "x") { type } }' },
        { next: () => resolve(undefined), error: (e) => resolve(e as Errors), complete: () => undefined },
      );
    });
    expect(JSON.stringify(hint)).not.toMatch(/Did you mean/);
    await system.ok('mutation($v: ID!) { revokeApiToken(id: $v) }', { v: editor.id });
    const revokedAt = Date.now();
    expect(await closed).toBe(4403);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    await client.dispose();
  });

  it('limits requests without a valid token per client address, before any lookup', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1)
      statuses.push((await gql('{ projects { id } }', {}, `cms_${randomUUID()}`)).status);
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    expect((await gql('{ projects { id } }')).status).toBe(200); // a valid token is unaffected
  });
});
