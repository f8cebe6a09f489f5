import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Identity } from '@app/domain';
import type { ServiceHarness } from '@app/testing/service-harness';
import { projectIdentity, startServiceHarness } from '@app/testing/service-harness';
import { waitFor } from '@app/testing/wait-for';
import { StoriesModule } from './stories.module';

const STORY_FIELDS = `id projectId title description status priority version tags acceptanceCriteria { id description verified } componentId createdAt updatedAt`;

interface StoryView {
  id: string;
  projectId: string;
  title: string;
  description: string;
  status: string;
  version: number;
  tags: string[];
  acceptanceCriteria: { id: string; description: string; verified: boolean }[];
}

describe('stories subgraph against real PostgreSQL', () => {
  let service: ServiceHarness;
  let projectId: string;
  let editor: Identity;

  beforeAll(async () => {
    service = await startServiceHarness('stories', (config) => StoriesModule.register(config));
    projectId = await createProject('Web shop');
    editor = projectIdentity(projectId, 'EDITOR', 'alice');
  });

  afterAll(async () => {
    await service.close();
  });

  async function createProject(name: string): Promise<string> {
    const result = await service.graphql<{ createProject: { id: string } }>(
      `mutation($name: String!) { createProject(input: { name: $name, description: "d" }) { id } }`,
      { name },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createProject.id;
  }

  async function createStory(title: string, as: Identity = editor, extra: Record<string, unknown> = {}) {
    return service.graphql<{ createStory: StoryView }>(
      `mutation($input: CreateStoryInput!) { createStory(input: $input) { ${STORY_FIELDS} } }`,
      {
        input: {
          projectId: as.projectId ?? projectId,
          title,
          description: 'As a shopper I want to pay by card so that I can buy',
          acceptanceCriteria: ['A card payment completes within 3 seconds'],
          tags: ['Payments'],
          ...extra,
        },
      },
      as,
    );
  }

  it('creates a story with criteria, normalized tags and status IN_PROGRESS', async () => {
    const result = await createStory(`Pay by card ${randomUUID()}`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createStory).toMatchObject({
      projectId,
      status: 'IN_PROGRESS',
      version: 1,
      tags: ['payments'],
    });
    expect(result.data!.createStory.acceptanceCriteria).toEqual([
      { id: expect.any(String), description: 'A card payment completes within 3 seconds', verified: false },
    ]);
  });

  it('names the invalid fields with BAD_USER_INPUT', async () => {
    const empty = await createStory('   ');
    expect(empty.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [expect.objectContaining({ field: 'title' })],
    });
    const long = await createStory('x'.repeat(201));
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await createStory(`Long ${randomUUID()}`, editor, { description: 'y'.repeat(100_001) });
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [expect.objectContaining({ field: 'description' })],
    });
    const many = await createStory(`Many ${randomUUID()}`, editor, {
      acceptanceCriteria: Array.from({ length: 51 }, (_, i) => `criterion ${i}`),
    });
    expect(many.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [expect.objectContaining({ field: 'acceptanceCriteria' })],
    });
    const unknownProject = await service.graphql(
      `mutation { createStory(input: { projectId: "${randomUUID()}", title: "t" }) { id } }`,
    );
    expect(unknownProject.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknownStory = await service.graphql(`{ story(id: "${randomUUID()}") { id } }`, {}, editor);
    expect(unknownStory.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformedId = await service.graphql(`{ story(id: "not-a-uuid") { id } }`, {}, editor);
    expect(malformedId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects a duplicate title in the same project, but allows it in another project', async () => {
    const title = `Unique ${randomUUID()}`;
    expect((await createStory(title)).errors).toBeUndefined();
    const duplicate = await createStory(title.toUpperCase());
    expect(duplicate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: [expect.objectContaining({ field: 'title' })],
    });
    const otherProject = await createProject(`Other ${randomUUID()}`);
    expect((await createStory(title, projectIdentity(otherProject))).errors).toBeUndefined();
  });

  it('lets exactly one of two simultaneous createStory calls with the same title succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const title = `Race ${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 4 }, () => createStory(title)));
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(3);
      for (const r of refused) expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const listed = await service.graphql<{ stories: { totalCount: number } }>(
        `query($p: ID!, $s: String) { stories(projectId: $p, search: $s) { totalCount } }`,
        { p: projectId, s: title },
        editor,
      );
      expect(listed.data!.stories.totalCount).toBe(1);
    }
  });

  it('takes 20 simultaneous criteria for one story: commands without a version are retried on conflict', async () => {
    const created = (await createStory(`Busy ${randomUUID()}`)).data!.createStory;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.graphql(
          `mutation($i: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $i) { id } }`,
          { i: { storyId: created.id, description: `criterion ${i}` } },
          editor,
        ),
      ),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.code)).toEqual([]);
    const story = await service.graphql<{ story: { acceptanceCriteria: { description: string }[] } }>(
      `query($id: ID!) { story(id: $id) { acceptanceCriteria { description } } }`,
      { id: created.id },
      editor,
    );
    expect(story.data!.story.acceptanceCriteria).toHaveLength(21);
  });

  it('revises with an expected version and answers a stale one with CONFLICT and the current version', async () => {
    const created = (await createStory(`Revise ${randomUUID()}`)).data!.createStory;
    const revised = await service.graphql<{ reviseStory: StoryView }>(
      `mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { title version description } }`,
      { i: { id: created.id, expectedVersion: 1, title: `${created.title} v2` } },
      editor,
    );
    expect(revised.data!.reviseStory).toMatchObject({
      title: `${created.title} v2`,
      version: 2,
      description: created.description,
    });
    const stale = await service.graphql(
      `mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { version } }`,
      { i: { id: created.id, expectedVersion: 1, title: 'stale' } },
      editor,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('travels in time, keeps every change with its actor, and diffs versions field by field', async () => {
    const created = (await createStory(`Travel ${randomUUID()}`)).data!.createStory;
    const bob = projectIdentity(projectId, 'EDITOR', 'bob');
    const run = async (mutation: string, input: Record<string, unknown>, who: Identity = editor) => {
      const r = await service.graphql(mutation, { i: input }, who);
      expect(r.errors).toBeUndefined();
      return r;
    };
    await run(
      `mutation($i: AddAcceptanceCriterionInput!) { addAcceptanceCriterion(input: $i) { version } }`,
      { storyId: created.id, description: 'Shows a receipt' },
      bob,
    );
    await run(`mutation($i: ReviseStoryInput!) { reviseStory(input: $i) { version } }`, {
      id: created.id,
      expectedVersion: 2,
      title: `${created.title} (renamed)`,
    });
    await run(
      `mutation($i: VerifyAcceptanceCriterionInput!) { verifyAcceptanceCriterion(input: $i) { version } }`,
      {
        storyId: created.id,
        criterionId: created.acceptanceCriteria[0].id,
      },
    );
    await run(
      `mutation($i: SetStoryStatusInput!) { setStoryStatus(input: $i) { version } }`,
      { id: created.id, status: 'COMPLETED' },
      bob,
    );

    const atOne = await service.graphql<{ story: StoryView }>(
      `query($id: ID!) { story(id: $id, atVersion: 1) { ${STORY_FIELDS} } }`,
      { id: created.id },
      editor,
    );
    expect(atOne.data!.story).toEqual(created);
    const atTwo = await service.graphql<{ story: StoryView }>(
      `query($id: ID!) { story(id: $id, atVersion: 2) { title version acceptanceCriteria { description } } }`,
      { id: created.id },
      editor,
    );
    expect(atTwo.data!.story).toEqual({
      title: created.title,
      version: 2,
      acceptanceCriteria: [
        { description: created.acceptanceCriteria[0].description },
        { description: 'Shows a receipt' },
      ],
    });
    const now = await service.graphql<{ story: StoryView }>(
      `query($id: ID!) { story(id: $id) { status version title } }`,
      { id: created.id },
      editor,
    );
    expect(now.data!.story).toEqual({ status: 'COMPLETED', version: 5, title: `${created.title} (renamed)` });
    const outOfRange = await service.graphql(
      `query($id: ID!) { story(id: $id, atVersion: 9) { id } }`,
      { id: created.id },
      editor,
    );
    expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const history = await service.graphql<{
      storyHistory: {
        type: string;
        version: number;
        actor: string;
        occurredAt: string;
        data: Record<string, unknown>;
      }[];
    }>(
      `query($id: ID!) { storyHistory(id: $id) { eventId type version occurredAt actor data } }`,
      { id: created.id },
      editor,
    );
    expect(history.data!.storyHistory.map((h) => [h.version, h.type, h.actor])).toEqual([
      [1, 'StoryCreated', 'alice'],
      [2, 'AcceptanceCriterionAdded', 'bob'],
      [3, 'StoryRevised', 'alice'],
      [4, 'AcceptanceCriterionVerified', 'alice'],
      [5, 'StoryStatusChanged', 'bob'],
    ]);
    expect(history.data!.storyHistory[2].data).toMatchObject({ title: `${created.title} (renamed)` });

    const diff = await service.graphql<{
      storyDiff: { changes: { field: string; before: unknown; after: unknown }[] };
    }>(
      `query($id: ID!) { storyDiff(id: $id, fromVersion: 1, toVersion: 5) { changes { field before after } } }`,
      { id: created.id },
      editor,
    );
    const fields = diff.data!.storyDiff.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'status']));
    expect(diff.data!.storyDiff.changes.find((c) => c.field === 'status')).toMatchObject({
      before: 'IN_PROGRESS',
      after: 'COMPLETED',
    });
  });

  it('lists with filters and cursor pagination, and reviews deterministically', async () => {
    const project = await createProject(`Paging ${randomUUID()}`);
    const owner = projectIdentity(project);
    for (let i = 0; i < 7; i++) {
      expect(
        (await createStory(`Story number ${i}`, owner, { tags: i % 2 ? ['odd'] : ['even'] })).errors,
      ).toBeUndefined();
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data?: {
          stories: {
            edges: { node: { title: string }; cursor: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            totalCount: number;
          };
        };
      } = await service.graphql(
        `query($p: ID!, $after: String) { stories(projectId: $p, first: 3, after: $after) { edges { node { title } cursor } pageInfo { hasNextPage endCursor } totalCount } }`,
        { p: project, after },
        owner,
      );
      expect(page.data!.stories.totalCount).toBe(7);
      seen.push(...page.data!.stories.edges.map((e) => e.node.title));
      if (!page.data!.stories.pageInfo.hasNextPage) break;
      after = page.data!.stories.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Story number ${i}`));
    const odd = await service.graphql<{ stories: { totalCount: number } }>(
      `query($p: ID!) { stories(projectId: $p, tag: "odd") { totalCount } }`,
      { p: project },
      owner,
    );
    expect(odd.data!.stories.totalCount).toBe(3);

    const story = (
      await createStory('Make it fast', owner, {
        description: 'fast checkout',
        acceptanceCriteria: ['It is fast and intuitive'],
      })
    ).data!.createStory;
    const review = await service.graphql<{ reviewStory: { score: number; findings: { rule: string }[] } }>(
      `query($id: ID!) { reviewStory(id: $id) { score findings { rule severity message } } }`,
      { id: story.id },
      owner,
    );
    const rules = review.data!.reviewStory.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['story-format', 'testable-criteria']));
    expect(review.data!.reviewStory.score).toBeLessThan(100);
    const again = await service.graphql(
      `query($id: ID!) { reviewStory(id: $id) { score findings { rule severity message } } }`,
      { id: story.id },
      owner,
    );
    expect(again.data).toEqual(review.data);
  });

  it('imports an export and exports the same text again', async () => {
    const source = await createProject(`Export ${randomUUID()}`);
    const owner = projectIdentity(source);
    await createStory('Sign up with email', owner, {
      description: 'As a visitor\nI want an account\nSo that I can order',
      acceptanceCriteria: ['Email confirmed', 'Password of 12+ chars'],
    });
    await createStory('Reset password', owner, { acceptanceCriteria: [] });
    const exported = await service.graphql<{ exportStoriesMarkdown: string }>(
      `query($p: ID!) { exportStoriesMarkdown(projectId: $p) }`,
      { p: source },
      owner,
    );
    const markdown = exported.data!.exportStoriesMarkdown;
    expect(markdown).toContain('## Sign up with email');
    expect(markdown).toContain('### Acceptance Criteria');

    const target = await createProject(`Export ${randomUUID()}`);
    const imported = await service.graphql<{ importStoriesMarkdown: StoryView[] }>(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { title acceptanceCriteria { description } } }`,
      { p: target, m: markdown },
      projectIdentity(target),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importStoriesMarkdown.map((s) => s.title)).toEqual([
      'Sign up with email',
      'Reset password',
    ]);
    const reExported = await service.graphql<{ exportStoriesMarkdown: string }>(
      `query($p: ID!) { exportStoriesMarkdown(projectId: $p) }`,
      { p: target },
      projectIdentity(target),
    );
    expect(reExported.data!.exportStoriesMarkdown.split('\n').slice(1)).toEqual(
      markdown.split('\n').slice(1),
    ); // same text but the project-name heading
    // Importing again clashes on titles: nothing of the batch is created.
    const clash = await service.graphql(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }`,
      { p: target, m: markdown },
      projectIdentity(target),
    );
    expect(clash.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Every clash is named, with the story's index, title and line; none was created.
    expect(clash.errors?.[0].extensions?.problemCount).toBe(2);
    expect(clash.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ index: 0, title: 'Sign up with email', field: 'title', line: 3 }),
      expect.objectContaining({ index: 1, title: 'Reset password', field: 'title' }),
    ]);
    // Numbering the repeated titles instead: both come in, as "<title> (2)".
    const numbered = await service.graphql<{ importStoriesMarkdown: { title: string }[] }>(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m, onDuplicateTitle: NUMBER) { title } }`,
      { p: target, m: markdown },
      projectIdentity(target),
    );
    expect(numbered.errors).toBeUndefined();
    expect(numbered.data!.importStoriesMarkdown.map((s) => s.title)).toEqual([
      'Sign up with email (2)',
      'Reset password (2)',
    ]);
  });

  it('imports descriptions of up to 100,000 characters and names each one that is longer', async () => {
    const target = await createProject(`Logs ${randomUUID()}`);
    const log = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} of a traceback`).join('\n');
    const fits = log(3_000).slice(0, 100_000);
    const markdown = (second: string) =>
      `## Crash on start\n\n${fits}\n\n## Crash on save\n\n${second}\n\n## Crash on exit\n\n${second}\n`;
    const refused = await service.graphql(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }`,
      { p: target, m: markdown(log(5_000)) },
      projectIdentity(target),
    );
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ index: 1, title: 'Crash on save', field: 'description' }),
      expect.objectContaining({ index: 2, title: 'Crash on exit', field: 'description' }),
    ]);
    const stories = await service.graphql(
      `query($p: ID!) { stories(projectId: $p) { totalCount } }`,
      { p: target },
      projectIdentity(target),
    );
    expect(stories.data).toEqual({ stories: { totalCount: 0 } });
    const imported = await service.graphql<{ importStoriesMarkdown: { description: string }[] }>(
      `mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { description } }`,
      { p: target, m: markdown('short') },
      projectIdentity(target),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importStoriesMarkdown[0].description).toHaveLength(fits.trimEnd().length);
  });

  it('scopes everything to the token’s project and keeps viewers read-only', async () => {
    const story = (await createStory(`Private ${randomUUID()}`)).data!.createStory;
    const other = projectIdentity(await createProject(`Intruder ${randomUUID()}`));
    for (const query of [
      `{ story(id: "${story.id}") { id } }`,
      `{ project(id: "${projectId}") { id } }`,
      `{ stories(projectId: "${projectId}") { totalCount } }`,
    ]) {
      const denied = await service.graphql(query, {}, other);
      expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const projects = await service.graphql<{ projects: { id: string }[] }>(`{ projects { id } }`, {}, other);
    expect(projects.data!.projects.map((p) => p.id)).toEqual([other.projectId]);
    const crossWrite = await service.graphql(`mutation { deleteStory(id: "${story.id}") }`, {}, other);
    expect(crossWrite.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const viewer = projectIdentity(projectId, 'VIEWER');
    expect((await service.graphql(`{ story(id: "${story.id}") { id } }`, {}, viewer)).errors).toBeUndefined();
    const viewerWrite = await service.graphql(`mutation { deleteStory(id: "${story.id}") }`, {}, viewer);
    expect(viewerWrite.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const projectTokenCreatesProject = await service.graphql(
      `mutation { createProject(input: { name: "x" }) { id } }`,
      {},
      editor,
    );
    expect(projectTokenCreatesProject.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const none = await service.graphql(`{ projects { id } }`, {}, null);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-codemyspec-identity': 'v1.eyJyb2xlIjoiQURNSU4ifQ.AAAA',
      },
      body: JSON.stringify({ query: '{ projects { id } }' }),
    });
    const forgedBody = (await forged.json()) as { errors: { extensions: { code: string } }[] };
    expect(forgedBody.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    expect((await service.graphql(`mutation { deleteStory(id: "${story.id}") }`, {}, editor)).data).toEqual({
      deleteStory: true,
    });
    expect(
      (await service.graphql(`{ story(id: "${story.id}") { id } }`, {}, editor)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });
});

const brokers = process.env.KAFKA_BROKERS?.split(',');
const describeWithKafka = brokers ? describe : describe.skip;

describeWithKafka('stories events on Kafka', () => {
  let service: ServiceHarness;

  beforeAll(async () => {
    service = await startServiceHarness('stories', (config) => StoriesModule.register(config), {
      KAFKA_BROKERS: brokers!.join(','),
    });
  });

  afterAll(async () => {
    await service.close();
  });

  it('publishes every story event to codemyspec.stories.story.v1, keyed by stream id, with headers', async () => {
    const created = await service.graphql<{ createProject: { id: string } }>(
      `mutation { createProject(input: { name: "Kafka ${randomUUID()}" }) { id } }`,
    );
    const projectId = created.data!.createProject.id;
    const identity = projectIdentity(projectId, 'EDITOR', 'carol');
    const story = await service.graphql<{ createStory: { id: string } }>(
      `mutation($p: ID!) { createStory(input: { projectId: $p, title: "Published ${randomUUID()}" }) { id } }`,
      { p: projectId },
      identity,
    );
    const storyId = story.data!.createStory.id;
    await service.graphql(
      `mutation($i: SetStoryStatusInput!) { setStoryStatus(input: $i) { version } }`,
      { i: { id: storyId, status: 'COMPLETED' } },
      identity,
    );

    const kafka = new Kafka({ clientId: 'stories-test', brokers: brokers!, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `stories-test-${randomUUID()}` });
    const seen: { key: string; type: string; version: string; projectId: string; actor: string }[] = [];
    await consumer.connect();
    try {
      await waitFor(
        async () => (await kafka.admin().listTopics()).includes('codemyspec.stories.story.v1'),
        20_000,
        'the story topic',
      );
      await consumer.subscribe({ topic: 'codemyspec.stories.story.v1', fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== `story-${storyId}`) return;
          const value = JSON.parse(message.value!.toString()) as { metadata: { actor: string } };
          seen.push({
            key: message.key.toString(),
            type: message.headers!['event-type']!.toString(),
            version: message.headers!['stream-position']!.toString(),
            projectId: message.headers!['project-id']!.toString(),
            actor: value.metadata.actor,
          });
        },
      });
      await waitFor(() => seen.length >= 2, 30_000, 'both story events on the topic');
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual([
      { key: `story-${storyId}`, type: 'StoryCreated', version: '1', projectId, actor: 'carol' },
      { key: `story-${storyId}`, type: 'StoryStatusChanged', version: '2', projectId, actor: 'carol' },
    ]);
  }, 60_000);
});
