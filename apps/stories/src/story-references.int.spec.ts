import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Identity } from '@app/domain';
import type { ServiceHarness } from '@app/testing/service-harness';
import { projectIdentity, startServiceHarness } from '@app/testing/service-harness';
import { StoriesModule } from './stories.module';

/**
 * `_entities`, as the gateway asks it for a component's stories: every representation of one
 * request is read with one query, and each answer is what that caller may see.
 */
describe('stories subgraph: story references', () => {
  let service: ServiceHarness;
  let projectId: string;
  let editor: Identity;

  beforeAll(async () => {
    service = await startServiceHarness('stories', (config) => StoriesModule.register(config));
    projectId = await createProject(`References ${randomUUID()}`);
    editor = projectIdentity(projectId, 'EDITOR', 'erin');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function createProject(name: string): Promise<string> {
    const result = await service.graphql<{ createProject: { id: string } }>(
      `mutation($name: String!) { createProject(input: { name: $name }) { id } }`,
      { name },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createProject.id;
  }

  async function createStory(title: string, as: Identity): Promise<string> {
    const result = await service.graphql<{ createStory: { id: string } }>(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
      {
        i: {
          projectId: as.projectId,
          title,
          description: 'As a buyer I want to pay so that I get goods',
          acceptanceCriteria: [`${title} works`, `${title} is logged`],
        },
      },
      as,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createStory.id;
  }

  /** The statements the service sends while `work` runs (TypeORM logs every query it makes). */
  async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const logger = service.app.get(DataSource).logger;
    const original = logger.logQuery.bind(logger);
    const seen: string[] = [];
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      original(query, parameters, runner);
    };
    try {
      await work();
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  it('answers every representation in order with one query, null for what the caller may not see', async () => {
    const [first, second, third, gone] = await Promise.all(
      ['Pay', 'Refund', 'Invoice', 'Gone'].map((title) => createStory(title, editor)),
    );
    const deleted = await service.graphql(
      `mutation($id: ID!) { deleteStory(id: $id) }`,
      { id: gone },
      editor,
    );
    expect(deleted.errors).toBeUndefined();
    const otherProject = await createProject(`Elsewhere ${randomUUID()}`);
    const hidden = await createStory('Hidden', projectIdentity(otherProject, 'EDITOR', 'olga'));

    const ids = [third, first, 'not-a-uuid', gone, hidden, randomUUID(), second, first];
    let answer: { data?: { _entities: ({ id: string; title: string } | null)[] }; errors?: unknown } = {};
    const statements = await statementsDuring(async () => {
      answer = await service.graphql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Story { id title acceptanceCriteria { ref description } } } }`,
        { r: ids.map((id) => ({ __typename: 'Story', id })) },
        editor,
      );
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities.map((story) => story?.title ?? null)).toEqual([
      'Invoice',
      'Pay',
      null,
      null,
      null,
      null,
      'Refund',
      'Pay',
    ]);
    expect(answer.data!._entities[1]).toMatchObject({
      id: first,
      acceptanceCriteria: [{ description: 'Pay works' }, { description: 'Pay is logged' }],
    });
    // Reads of the stories table only: the service's own event-store polls (`FROM "stories".events`)
    // run on their own schedule and may fall inside the window.
    expect(statements.filter((sql) => /FROM "stories" "StoryRecord"/.test(sql))).toHaveLength(1);
  });
});
