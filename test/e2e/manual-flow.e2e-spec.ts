import { serverAudits } from 'graphql-http';
import { readTopic, testKafkaClient } from '@app/testing/bus/kafka-test-kit';
import { waitFor } from '@app/testing/wait-for';
import { VALID_CONTEXT_DESIGN } from './fixtures';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, startSystem } from './system';

describe('the whole system through the gateway', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  const ok = <T>(query: string, variables?: Record<string, unknown>, token?: string) =>
    system.ok<T>(query, variables, token);

  it('runs the manual-mode flow: project, stories, contexts, a refused cycle, an invalid then valid design, and dirty propagation', async () => {
    const { createProject } = await ok<{ createProject: { id: string } }>(
      `mutation { createProject(input: { name: "E2E shop", description: "end to end" }) { id } }`,
    );
    const projectId = createProject.id;
    const { createApiToken } = await ok<{ createApiToken: { token: string; apiToken: { role: string } } }>(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { id token apiToken { role projectId } } }`,
      { i: { name: 'e2e editor', projectId, role: 'EDITOR' } },
    );
    const editor = createApiToken.token;
    expect(createApiToken.token).toMatch(/^cms_/);
    const me = await ok<{ me: { role: string; projectId: string } }>(
      `{ me { role projectId name } }`,
      {},
      editor,
    );
    expect(me.me).toMatchObject({ role: 'EDITOR', projectId });

    const story = await ok<{ createStory: { id: string; version: number } }>(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id version } }`,
      {
        i: {
          projectId,
          title: 'Checkout',
          description: 'As a buyer I want to check out so that I receive my goods',
          acceptanceCriteria: ['Total shown within 1 second'],
        },
      },
      editor,
    );
    const storyId = story.createStory.id;
    const shop = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'Shop', type: 'DOMAIN' } },
        editor,
      )
    ).createContext.id;
    const billing = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'Billing', type: 'DOMAIN' } },
        editor,
      )
    ).createContext.id;
    await ok(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      { i: { projectId, parentId: shop, name: 'Cart', type: 'schema' } },
      editor,
    );
    await ok(
      `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
      { i: { storyId, componentId: shop } },
      editor,
    );
    await ok(
      `mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }`,
      { i: { fromId: shop, toId: billing } },
      editor,
    );

    const cycle = await system.graphql(
      `mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }`,
      { i: { fromId: billing, toId: shop } },
      editor,
    );
    expect(cycle.errors?.[0].extensions).toMatchObject({
      code: 'DEPENDENCY_CYCLE',
      cycle: ['Billing', 'Shop', 'Billing'],
    });

    const invalid = await ok<{ submitDesign: { valid: boolean; errors: { code: string }[] } }>(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { version valid errors { code message section } } }`,
      { i: { componentId: shop, markdown: '# Shop\n\n## Purpose\n\nSells things.\n' } },
      editor,
    );
    expect(invalid.submitDesign.valid).toBe(false);
    expect(invalid.submitDesign.errors.map((e) => e.code)).toContain('missing-section');
    const valid = await ok<{ submitDesign: { valid: boolean; version: number; errors: unknown[] } }>(
      `mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { version valid errors { code message } } }`,
      { i: { componentId: shop, markdown: VALID_CONTEXT_DESIGN('Shop', ['Cart'], ['Billing'], ['AC-1']) } },
      editor,
    );
    expect(valid.submitDesign).toEqual({ version: 2, valid: true, errors: [] });

    // Federation: the story's component comes from the architect, its fields from the stories service.
    await waitFor(
      async () =>
        (
          await ok<{ story: { component: { name: string } | null } }>(
            `query($s: ID!) { story(id: $s) { title component { name designStatus } } }`,
            { s: storyId },
            editor,
          )
        ).story.component?.name === 'Shop',
      10_000,
      'Story.component',
    );
    // The link reaches the story itself through the bus (the stories service records it as version 2).
    await waitFor(
      async () =>
        (
          await ok<{ story: { componentId: string | null } }>(
            `query($s: ID!) { story(id: $s) { componentId } }`,
            { s: storyId },
            editor,
          )
        ).story.componentId === shop,
      20_000,
      'the link on the story',
    );

    await ok(
      `mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { version } }`,
      {
        i: {
          id: storyId,
          expectedVersion: 2,
          description: 'As a buyer I want to pay by card so that I can check out faster',
        },
      },
      editor,
    );
    await waitFor(
      async () =>
        (
          await ok<{ component: { designStatus: string } }>(
            `query($c: ID!) { component(id: $c) { designStatus } }`,
            { c: shop },
            editor,
          )
        ).component.designStatus === 'DIRTY',
      20_000,
      'the component to become DIRTY',
    );
    await waitFor(
      async () =>
        (
          await ok<{ story: { status: string } }>(
            `query($s: ID!) { story(id: $s) { status } }`,
            { s: storyId },
            editor,
          )
        ).story.status === 'DIRTY',
      20_000,
      'the story to become DIRTY',
    );
    const actions = await ok<{ nextActions: { component: { name: string }; action: string }[] }>(
      `query($p: ID!) { nextActions(projectId: $p) { component { name } action reason } }`,
      { p: projectId },
      editor,
    );
    expect(actions.nextActions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ component: { name: 'Shop' }, action: 'REGENERATE' }),
        expect.objectContaining({ component: { name: 'Billing' }, action: 'WRITE_DESIGN' }),
      ]),
    );

    // The audit timeline holds the events of both services, in order.
    await waitFor(
      async () => {
        const timeline = await ok<{
          projectTimeline: { edges: { node: { service: string; type: string } }[] };
        }>(
          `query($p: ID!) { projectTimeline(projectId: $p, first: 200) { edges { node { service type actor } } totalCount } }`,
          { p: projectId },
          editor,
        );
        const types = timeline.projectTimeline.edges.map((e) => `${e.node.service}:${e.node.type}`);
        return [
          'stories:ProjectCreated',
          'stories:StoryRevised',
          'architect:ComponentMarkedDirty',
          'stories:StoryStatusChanged',
        ].every((t) => types.includes(t));
      },
      20_000,
      'the timeline to show both services',
    );
    // A replay compares with the live timeline, so let the writes settle first (the git record
    // commits story changes a moment after they happen, and its commits are events too).
    let last = -1;
    await waitFor(
      async () => {
        const { projectTimeline } = await ok<{ projectTimeline: { totalCount: number } }>(
          `query($p: ID!) { projectTimeline(projectId: $p, first: 1) { totalCount } }`,
          { p: projectId },
          editor,
        );
        const settled = projectTimeline.totalCount === last;
        last = projectTimeline.totalCount;
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 1_000));
        return settled;
      },
      30_000,
      'the timeline to settle',
    );
    const replay = await ok<{ verifyReplay: { equal: boolean; events: number } }>(
      `mutation { verifyReplay(readModel: "gateway.timeline") { events checksumLive checksumReplayed equal } }`,
    );
    expect(replay.verifyReplay.equal).toBe(true);
  }, 120_000);

  it('refuses no token, a token of another project, and a viewer’s mutation', async () => {
    const none = await system.graphql(`{ projects { id } }`, {}, null);
    expect(none.status).toBe(401);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await system.graphql(`{ projects { id } }`, {}, 'cms_not-a-real-token');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const a = (
      await ok<{ createProject: { id: string } }>(`mutation { createProject(input: { name: "A" }) { id } }`)
    ).createProject.id;
    const b = (
      await ok<{ createProject: { id: string } }>(`mutation { createProject(input: { name: "B" }) { id } }`)
    ).createProject.id;
    const tokenB = (
      await ok<{ createApiToken: { token: string } }>(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
        { i: { name: 'b', projectId: b, role: 'ADMIN' } },
      )
    ).createApiToken.token;
    const viewerA = (
      await ok<{ createApiToken: { token: string } }>(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
        { i: { name: 'viewer', projectId: a, role: 'VIEWER' } },
      )
    ).createApiToken.token;
    const crossRead = await system.graphql(`query($p: ID!) { project(id: $p) { id } }`, { p: a }, tokenB);
    expect(crossRead.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const crossWrite = await system.graphql(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
      { i: { projectId: a, title: 'Sneaky' } },
      tokenB,
    );
    expect(crossWrite.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const crossToken = await system.graphql(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
      { i: { name: 'x', projectId: a, role: 'ADMIN' } },
      tokenB,
    );
    expect(crossToken.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(
      (await system.graphql<{ projects: { id: string }[] }>(`{ projects { id } }`, {}, tokenB)).data
        ?.projects,
    ).toEqual([{ id: b }]);
    const viewerWrite = await system.graphql(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
      { i: { projectId: a, title: 'Nope' } },
      viewerA,
    );
    expect(viewerWrite.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await system.graphql(`query($p: ID!) { project(id: $p) { id } }`, { p: a }, viewerA)).errors,
    ).toBeUndefined();
  });

  it('refuses a deep query, a 17 MiB body and malformed JSON with their codes, and keeps serving', async () => {
    const nested = `query { architecture(projectId: "00000000-0000-4000-8000-000000000000") { components { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { dependencies { name } } } } } } } } } } } } } }`;
    const tooDeep = await system.graphql(nested);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth' } });

    const huge = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: '{ projects { id } }',
        variables: { pad: 'x'.repeat(17 * 1024 * 1024) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');

    const malformed = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      body: '{"query": "{ projects { id } }"',
    });
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('BAD_USER_INPUT');

    const syntax = await system.graphql(`{ projects { id `);
    expect(syntax.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknownField = await system.graphql(`{ nope }`);
    expect(unknownField.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    expect((await system.graphql(`{ projects { id } }`)).errors).toBeUndefined();
    expect((await fetch(`${system.url}/health/ready`)).status).toBe(200);
  });

  it('carries the caller’s correlation id to the response, the subgraph, the event metadata and the Kafka headers', async () => {
    const correlationId = `e2e-corr-${Date.now()}`;
    const response = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${E2E_ADMIN_TOKEN}`,
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({
        query: 'mutation { createProject(input: { name: "Correlated", description: "" }) { id } }',
      }),
    });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const projectId = ((await response.json()) as { data: { createProject: { id: string } } }).data
      .createProject.id;
    await waitFor(
      async () => {
        const timeline = await ok<{
          projectTimeline: { edges: { node: { type: string; correlationId: string | null } }[] };
        }>(
          `query($p: ID!) { projectTimeline(projectId: $p, first: 10) { edges { node { type correlationId } } } }`,
          { p: projectId },
        );
        return timeline.projectTimeline.edges.some(
          (e) => e.node.type === 'ProjectCreated' && e.node.correlationId === correlationId,
        );
      },
      30_000,
      'the event with its correlation id on the timeline',
    );
    if (process.env.KAFKA_BROKERS) {
      const kafka = testKafkaClient('e2e-correlation');
      const messages = await readTopic(kafka, `${system.topicNamespace}.stories.project.v1`);
      const ours = messages.filter((m) => m.key === `project-${projectId}`);
      expect(ours.map((m) => m.headers['correlation-id'])).toEqual([correlationId]);
    }
  });

  it('passes every MUST of the graphql-http server audits', async () => {
    const audits = serverAudits({
      url: `${system.url}/graphql`,
      fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${E2E_ADMIN_TOKEN}`);
        return fetch(input, { ...init, headers });
      },
    });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok')
        failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
