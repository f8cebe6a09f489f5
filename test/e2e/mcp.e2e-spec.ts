import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { request as httpRequest } from 'node:http';
import { waitFor } from '@app/testing/wait-for';
import { VALID_CONTEXT_DESIGN } from './fixtures';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const API_TOOLS = [
  'create_story',
  'update_story',
  'delete_story',
  'get_story',
  'list_stories',
  'add_criterion',
  'update_criterion',
  'delete_criterion',
  'start_story_interview',
  'start_story_review',
  'create_component',
  'create_dependency',
  'delete_dependency',
  'set_story_component',
  'show_architecture',
  'architecture_health_summary',
  'orphaned_contexts',
  'validate_dependency_graph',
  'submit_design',
  'get_design',
  'get_context_bundle',
  'run_tests',
  'start_session',
  'get_session',
  'get_traceability',
  'next_actions',
  'list_components',
  'validate_design',
  'get_timeline',
  'rename_component',
  'delete_component',
];

/** The MCP endpoint with the SDK's own client over Streamable HTTP, against the running system. */
describe('MCP at /mcp (SDK client, Streamable HTTP)', () => {
  let system: RunningSystem;
  let client: Client;

  beforeAll(async () => {
    system = await startSystem();
    client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${system.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } },
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await system?.stop();
  });

  async function call<T>(name: string, args: Record<string, unknown>): Promise<T> {
    const result = (await client.callTool({ name, arguments: args })) as {
      isError?: boolean;
      content: { type: string; text: string }[];
    };
    if (result.isError) throw new Error(`${name}: ${result.content[0].text}`);
    return JSON.parse(result.content[0].text) as T;
  }

  it('refuses a request without a token, or with a bad one', async () => {
    for (const headers of [{}, { authorization: 'Bearer cms_forged' }]) {
      const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
      await expect(
        anonymous.connect(
          new StreamableHTTPClientTransport(new URL(`${system.url}/mcp`), { requestInit: { headers } }),
        ),
      ).rejects.toThrow(/401|UNAUTHENTICATED|nauthorized/);
    }
    const raw = await fetch(`${system.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(raw.status).toBe(401);
    expect(((await raw.json()) as { error: { message: string } }).error.message).toMatch(/^UNAUTHENTICATED/);
  });

  it('lists every tool of the public contract, each with a JSON schema and a description', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const name of [...API_TOOLS, 'create_project', 'list_projects', 'start_context_design'])
      expect(names).toContain(name);
    for (const tool of tools) {
      // Each says when to use it, in a sentence a model can act on.
      expect(tool.description).toMatch(/^Use (to|when|first|before|after) .{20,}/);
      expect(tool.inputSchema.type).toBe('object');
    }
    const runTests = tools.find((t) => t.name === 'run_tests')!;
    expect(runTests.inputSchema.required).toEqual(
      expect.arrayContaining(['projectId', 'componentId', 'files']),
    );
  });

  it('runs story → component → design → run_tests, with errors carrying their codes, and serves the resources', async () => {
    if (!(await sandboxDriver())) return;
    const project = await call<{ id: string }>('create_project', {
      name: 'MCP shop',
      description: 'via MCP',
    });
    const story = await call<{ id: string; version: number }>('create_story', {
      projectId: project.id,
      title: 'Checkout',
      description: 'As a buyer I want to check out so that I receive my goods',
      acceptanceCriteria: ['the total is shown within 1 second'],
    });
    const shop = await call<{ id: string }>('create_component', {
      projectId: project.id,
      name: 'Shop',
      type: 'DOMAIN',
    });
    const billing = await call<{ id: string }>('create_component', {
      projectId: project.id,
      name: 'Billing',
      type: 'DOMAIN',
    });
    await waitFor(
      async () =>
        !(
          await client.callTool({
            name: 'set_story_component',
            arguments: { storyId: story.id, componentId: shop.id },
          })
        ).isError,
      30_000,
      'the story to reach the architect',
    );
    await call('create_dependency', { fromId: shop.id, toId: billing.id });
    const cycle = (await client.callTool({
      name: 'create_dependency',
      arguments: { fromId: billing.id, toId: shop.id },
    })) as {
      isError: boolean;
      content: { text: string }[];
    };
    expect(cycle.isError).toBe(true);
    expect(JSON.parse(cycle.content[0].text)).toMatchObject({
      code: 'DEPENDENCY_CYCLE',
      cycle: ['Billing', 'Shop', 'Billing'],
    });

    const invalid = await call<{ valid: boolean; errors: { code: string }[] }>('submit_design', {
      componentId: shop.id,
      markdown: '# Shop\n',
    });
    expect(invalid.valid).toBe(false);
    const valid = await call<{ valid: boolean; accepted: boolean; version: number }>('submit_design', {
      componentId: shop.id,
      markdown: VALID_CONTEXT_DESIGN('Shop', [], ['Billing'], ['AC-1']),
    });
    expect(valid).toMatchObject({ valid: true, accepted: true, version: 2 });
    expect(await call<{ version: number }>('get_design', { componentId: shop.id })).toMatchObject({
      version: 2,
    });

    const red = await call<{ outcome: string; tests: { failureKind: string }[] }>('run_tests', {
      projectId: project.id,
      componentId: shop.id,
      files: [
        {
          path: 'test/cart.test.ts',
          content:
            "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { total } from '../src/shop.ts';\ntest('totals the lines', () => assert.equal(total([2, 3]), 5));\n",
        },
      ],
    });
    expect(red).toMatchObject({ outcome: 'FAILED', tests: [{ failureKind: 'missing_module' }] });
    // AC-1 is cited by "rejects an empty cart", which has no test yet: the chain stops there.
    const trace = await call<{ complete: boolean; totalCount: number; criteria: unknown[] }>(
      'get_traceability',
      { projectId: project.id },
    );
    expect([trace.complete, trace.totalCount]).toEqual([false, 1]);
    const verified = await call<{ totalCount: number; criteria: unknown[] }>('get_traceability', {
      projectId: project.id,
      status: ['VERIFIED'],
    });
    expect(verified).toMatchObject({ totalCount: 0, criteria: [] }); // the gaps are not proven
    expect(trace.criteria).toMatchObject([
      {
        criterion: { ref: 'AC-1', description: 'the total is shown within 1 second' },
        story: { title: 'Checkout' },
        component: { name: 'Shop' },
        assertions: ['rejects an empty cart [AC-1]'],
        tests: [{ name: 'rejects an empty cart', lastRedRunId: null, lastGreenRunId: null }],
        status: 'UNTESTED',
      },
    ]);
    const bundle = await call<{ markdown: string }>('get_context_bundle', {
      componentId: shop.id,
      purpose: 'TESTS',
    });
    expect(bundle.markdown).toContain('## Accepted design (version 2)');

    const interview = await call<{ text: string; items: { kind: string; source: string }[] }>(
      'start_story_interview',
      { projectId: project.id },
    );
    expect(interview.text).toContain('## Story: Checkout');
    expect(interview.items.filter((i) => i.kind === 'story').map((i) => i.source)).toEqual([
      `story-${story.id}`,
    ]);
    const review = await call<{ text: string }>('start_story_review', { storyId: story.id });
    expect(review.text).toContain('Deterministic review');
    const contextPrompt = await call<{ text: string }>('start_context_design', { componentId: shop.id });
    expect(contextPrompt.text).toContain('## Template');
    const aiReview = await call<{ source: string; findings: unknown[] }>('review_story_with_ai', {
      storyId: story.id,
    });
    expect(aiReview).toMatchObject({ source: 'deterministic' }); // no LLM in this system

    const health = await call<{ health: { level: string } }>('architecture_health_summary', {
      projectId: project.id,
    });
    expect(['excellent', 'good', 'fair', 'poor']).toContain(health.health.level);
    const graph = await call<{ acyclic: boolean; dependencies: number }>('validate_dependency_graph', {
      projectId: project.id,
    });
    expect(graph).toMatchObject({ acyclic: true, cycle: [], dependencies: 1 });

    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining([
        'codemyspec://templates/context',
        `codemyspec://projects/${project.id}/architecture.mmd`,
      ]),
    );
    // The method's prompts, issued (recorded) like the tools' prompts, shown by AI tools as commands.
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([
      'story_interview',
      'story_review',
      'context_design',
      'component_design',
    ]);
    expect(prompts.find((p) => p.name === 'component_design')?.arguments).toEqual([
      expect.objectContaining({ name: 'componentId', required: true }),
    ]);
    const designPrompt = await client.getPrompt({
      name: 'component_design',
      arguments: { componentId: shop.id },
    });
    expect(designPrompt.description).toMatch(
      /^Design a component \(recorded as prompt [0-9a-f-]{36}, context [0-9a-f]{12}\)$/,
    );
    expect((designPrompt.messages[0].content as { text: string }).text).toContain(
      'AC-1: the total is shown within 1 second',
    );
    const interviewPrompt = await client.getPrompt({
      name: 'story_interview',
      arguments: { projectId: project.id },
    });
    expect((interviewPrompt.messages[0].content as { text: string }).text).toContain('## Story: Checkout');
    await expect(
      client.getPrompt({
        name: 'story_review',
        arguments: { storyId: '00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toThrow(/NOT_FOUND/);

    const next = await call<{ action: string; component: { name: string } }[]>('next_actions', {
      projectId: project.id,
    });
    expect(next.map((n) => n.component.name).sort()).toEqual(['Billing', 'Shop']);
    const listed = await call<{ name: string; designStatus: string }[]>('list_components', {
      projectId: project.id,
    });
    expect(listed.find((c) => c.name === 'Shop')?.designStatus).toBe('ACCEPTED');
    const draft = await call<{ valid: boolean; errors: { code: string }[] }>('validate_design', {
      componentId: billing.id,
      markdown: '# Billing\n',
    });
    expect(draft.valid).toBe(false);
    expect(draft.errors.length).toBeGreaterThan(0);
    const timeline = await call<{ totalCount: number; edges: { node: { type: string } }[] }>('get_timeline', {
      projectId: project.id,
      first: 200,
    });
    expect(timeline.edges.map((e) => e.node.type)).toEqual(
      expect.arrayContaining(['StoryCreated', 'PromptIssued']),
    );

    const template = await client.readResource({ uri: 'codemyspec://templates/schema' });
    expect((template.contents[0] as { text: string }).text).toContain('## Fields');
    const mermaid = await client.readResource({
      uri: `codemyspec://projects/${project.id}/architecture.mmd`,
    });
    expect((mermaid.contents[0] as { text: string }).text).toMatch(/^(flowchart|graph)/);
  }, 120_000);

  it('refuses a foreign Host or Origin before anything runs (DNS rebinding), and serves loopback', async () => {
    const post = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((done, fail) => {
        const url = new URL(`${system.url}/mcp`);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: '/mcp',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              authorization: `Bearer ${E2E_ADMIN_TOKEN}`,
              ...headers,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => done({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', fail);
        req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }));
      });
    const rebound = await post({ host: 'evil.example.com', origin: 'http://evil.example.com' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('is not an allowed host');
    expect((await post({ origin: 'http://evil.example.com' })).status).toBe(403);
    expect((await post({ host: `localhost:${new URL(system.url).port}` })).status).toBe(200);
  });

  it('scopes tools to the token’s project', async () => {
    const other = await call<{ id: string }>('create_project', { name: 'MCP other', description: '' });
    const mine = await call<{ id: string }>('create_project', { name: 'MCP mine', description: '' });
    const token = (
      await system.graphql<{ createApiToken: { token: string } }>(
        `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
        {
          i: { name: 'mcp editor', projectId: mine.id, role: 'EDITOR' },
        },
      )
    ).data!.createApiToken.token;
    const scoped = new Client({ name: 'scoped', version: '1.0.0' });
    await scoped.connect(
      new StreamableHTTPClientTransport(new URL(`${system.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    const denied = (await scoped.callTool({ name: 'list_stories', arguments: { projectId: other.id } })) as {
      isError: boolean;
      content: { text: string }[];
    };
    expect(denied.isError).toBe(true);
    expect(JSON.parse(denied.content[0].text)).toMatchObject({ code: 'NOT_FOUND' });
    const listed = JSON.parse(
      ((await scoped.callTool({ name: 'list_projects', arguments: {} })) as { content: { text: string }[] })
        .content[0].text,
    ) as { id: string }[];
    expect(listed.map((p) => p.id)).toEqual([mine.id]);
    await scoped.close();
  }, 60_000);
});
